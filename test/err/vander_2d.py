# np.vander of a 2-d array: NumPy's ValueError, at compile time (the rank is the type's)
import numpy as np
def f(n):
    return np.vander(np.ones((n, n))).tolist()
# run: f(2)
