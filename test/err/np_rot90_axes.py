# run: f(1)
# np.rot90 in other axes than (0, 1)
import numpy as np

def f(n):
    return np.rot90(np.zeros((2, 3, 4)), 1, (1, 2))
