# np.convolve's mode decides the result's length: a string written in the call
import numpy as np
def f(n, mode):
    return np.convolve(np.ones(n), np.ones(2), mode)
# run: f(3, "same")
