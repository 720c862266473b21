# the mode is written in the call
import numpy as np
def f(n):
    m = 'edge'
    return np.pad(np.ones(n), 1, mode=m)
# run: f(3)
