# run: f(2)
import numpy as np
def f(n):
    return np.polymul(np.ones(n))
