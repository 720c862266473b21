# run: f(4)
import numpy as np
def f(n):
    s = 0.0
    for i in prange(n):
        s += np.random.rand()
    return s
