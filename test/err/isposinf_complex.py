# run: f(2)
import numpy as np
def f(n):
    return np.isposinf(np.ones(n) * 1j)
