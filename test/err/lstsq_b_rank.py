# lstsq's b: a vector or a matrix
import numpy as np
def f(n):
    return np.linalg.lstsq(np.eye(n), np.ones((n, n, 1)))
# run: f(2)
