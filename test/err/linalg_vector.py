# det of a 1-d array: NumPy's LinAlgError, at compile time
import numpy as np
def f(n):
    return np.linalg.det(np.ones(n))
# run: f(2)
