# run: f(2)
import numpy as np
def f(n):
    return np.rollaxis(np.ones((n, 3)), 0, 5)
