# run: f(1)
import numpy as np
T = (np.array((1.0, 2.0)), 1)

def f(i):
    return T[1]
