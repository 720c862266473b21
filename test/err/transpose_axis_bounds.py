# a.transpose(axes): axes within the array's rank
import numpy as np
def f(n):
    return np.ones((n, 2)).transpose((0, 2))
# run: f(2)
