# run: f(3)
import numpy as np
def f(n):
    return np.ones((n, 2), np.int32, 'F')
