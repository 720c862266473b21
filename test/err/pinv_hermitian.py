# pinv(hermitian=True) is not supported yet
import numpy as np
def f(n):
    return np.linalg.pinv(np.eye(n), hermitian=True)
# run: f(2)
