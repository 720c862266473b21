# np.linalg's functions are not np's: np.matrix_rank does not exist in NumPy
import numpy as np
def f(n):
    return np.matrix_rank(np.eye(n))
# run: f(2)
