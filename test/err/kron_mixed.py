# np.kron of a 1-d and a 2-d array: not supported yet
import numpy as np
def f(n):
    return np.kron(np.ones(n), np.ones((2, 2)))
# run: f(3)
