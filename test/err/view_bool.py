# a.view(np.bool_) of a byte array: a byte other than 0 or 1 would be a bool kiln cannot hold
import numpy as np
def f(n):
    return np.zeros(n, dtype=np.uint8).view(np.bool_).tolist()
# run: f(2)
