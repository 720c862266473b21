# run: f([1.25, 2.5])
import numpy as np
def f(a):
    return np.round(a > 2.0)
