# np.convolve of a 2-d array: NumPy requires 1-d
import numpy as np
def f(n):
    return np.convolve(np.ones((n, n)), np.ones(2))
# run: f(3)
