# run: f(2)
import numpy as np
def f(n):
    return np.trim_zeros(np.ones(n), "fx")
