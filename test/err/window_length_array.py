# np.hanning's M is a number of points, not an array
import numpy as np

def f(n):
    return np.hanning(np.arange(n))
# run: f(3)
