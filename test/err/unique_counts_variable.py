# np.unique's return_... decide what it returns: True or False written in the call
import numpy as np
def f(n, c):
    return np.unique(np.ones(n), return_counts=c)
# run: f(2, True)
