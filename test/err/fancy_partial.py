# several index arrays for fewer axes than the array has: not supported yet
import numpy as np
def f(n):
    t = np.ones((2, 3, n))
    return t[[1, 0], [0, 1]]
# run: f(4)
