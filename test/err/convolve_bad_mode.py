# an unknown mode
import numpy as np
def f(n):
    return np.convolve(np.ones(n), np.ones(2), mode="middle")
# run: f(3)
