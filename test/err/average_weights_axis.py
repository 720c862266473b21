# np.average with weights and an axis: not supported yet
import numpy as np
def f(n):
    a = np.ones((2, 3))
    return np.average(a, axis=0, weights=a)
# run: f(3)
