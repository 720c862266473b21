# run: f(2)
import numpy as np
def f(n):
    return np.take_along_axis(np.ones((n, 2)), np.arange(n), axis=1)
