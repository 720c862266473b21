# run: f(1)
import numpy as np
W = np.array((1.0, 2.0))

def fill(a, x):
    a[:] = x
    return 0

def f(i):
    return fill(W, i)
