# the nan-functions reduce the whole array here
import numpy as np
def f(n):
    return np.nanmax(np.ones((n, n)), axis=0)
# run: f(2)
