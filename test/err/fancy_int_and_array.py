# an index array with an integer beside it and a slice: NumPy moves the indexed axes first; not done yet
import numpy as np
def f(n):
    t = np.ones((2, 3, n))
    return t[[1, 0], 1, :]
# run: f(4)
