# svd of a complex matrix is not supported yet
import numpy as np
def f(n):
    return np.linalg.svd(np.eye(n) * 1j)
# run: f(2)
