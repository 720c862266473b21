import numpy as np
# run: f([1.0, 2.0])
def f(a):
    m = np.zeros((2, 2))
    a[:] = m
    return a
