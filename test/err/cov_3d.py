# np.cov of a 3-d array (NumPy's ValueError, known when compiling)
import numpy as np
def f(n):
    return np.cov(np.ones((2, 2, n)))
# run: f(3)
