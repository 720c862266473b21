# run: f([1.0, 2.0])
import numpy as np
def f(a):
    return np.sum(a, 0, None, a)
