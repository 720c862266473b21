# a.transpose(axes): one axis for each of the array's
import numpy as np
def f(n):
    return np.ones((n, 2, 3)).transpose(1, 0)
# run: f(2)
