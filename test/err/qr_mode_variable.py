# qr's mode decides what it returns: a string written in the call
import numpy as np
def f(n, mode):
    return np.linalg.qr(np.eye(n), mode=mode)
# run: f(2, "r")
