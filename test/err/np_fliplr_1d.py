# run: f(1)
# np.fliplr of a 1-d array: NumPy's ValueError, as a compile error
import numpy as np

def f(n):
    return np.fliplr(np.arange(3))
