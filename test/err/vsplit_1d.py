# run: f(2)
import numpy as np
def f(n):
    return np.vsplit(np.ones(n * 2), 2)
