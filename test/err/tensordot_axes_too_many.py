# run: f(2)
import numpy as np
def f(n):
    return np.tensordot(np.ones((n, 2)), np.ones((2, n)), axes=3)
