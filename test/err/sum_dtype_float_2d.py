# run: f(2)
import numpy as np
def f(n):
    return np.ones((n, n), dtype=np.float32).sum(dtype=np.float64)
