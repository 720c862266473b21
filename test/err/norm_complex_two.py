# the spectral norm of a complex matrix is not supported yet
import numpy as np
def f(n):
    return np.linalg.norm(np.eye(n) * 1j, 2)
# run: f(2)
