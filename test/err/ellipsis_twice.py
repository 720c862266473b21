# an array subscript: at most one '...'
import numpy as np
def f(n):
    a = np.ones((n, 2, 3))
    return a[..., 0, ...]
# run: f(2)
