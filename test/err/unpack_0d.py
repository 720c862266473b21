# a 0-d array taken apart by a tuple target
import numpy as np
def f(n):
    a, b = np.array(n * 1.0)
    return a
# run: f(3)
