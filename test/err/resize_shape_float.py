# run: f(2)
import numpy as np
def f(n):
    return np.resize(np.ones(n), 2.5)
