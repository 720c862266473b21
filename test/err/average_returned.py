# run: f([1.0, 2.0])
import numpy as np
def f(a):
    return np.average(a, None, None, True)
