# run: f(2)
import numpy as np
def f(n):
    return np.ones(n, dtype=np.float32).mean(dtype=np.float64)
