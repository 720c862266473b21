# matrix_rank(hermitian=True) is not supported
import numpy as np
def f(n):
    return np.linalg.matrix_rank(np.eye(n), hermitian=True)
# run: f(2)
