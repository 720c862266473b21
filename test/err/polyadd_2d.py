# run: f(2)
import numpy as np
def f(n):
    return np.polyadd(np.ones((n, n)), np.ones(n))
