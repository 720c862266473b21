# np.fill_diagonal of a 1-d array (NumPy's ValueError, known when compiling)
import numpy as np
def f(n):
    a = np.zeros(n)
    np.fill_diagonal(a, 1.0)
    return a
# run: f(3)
