# np.pad's modes kiln has: constant, edge, wrap, reflect, symmetric
import numpy as np
def f(n):
    return np.pad(np.ones(n), 1, mode='linear_ramp')
# run: f(3)
