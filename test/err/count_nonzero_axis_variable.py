# run: f(2)
import numpy as np
def f(n):
    return np.count_nonzero(np.ones((n, n)), axis=n - 1)
