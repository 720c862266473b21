# an integer matrix to a negative power (NumPy: a float inverse) is not supported
import numpy as np
def f(n):
    return np.linalg.matrix_power(np.eye(2, dtype=np.int64), -n)
# run: f(1)
