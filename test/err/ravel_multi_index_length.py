# run: f(2)
import numpy as np
def f(n):
    return np.ravel_multi_index((n, 1, 2), (4, 5))
