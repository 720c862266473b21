# run: f(1)
import numpy as np
W = np.array((1.0, 2.0))

def f(i):
    W[0] = i
    return W[1]
