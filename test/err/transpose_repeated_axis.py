# np.transpose(a, axes): each axis once
import numpy as np
def f(n):
    return np.transpose(np.ones((n, 2)), (1, 1))
# run: f(2)
