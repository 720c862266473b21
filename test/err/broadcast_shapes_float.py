# run: f(2)
import numpy as np
def f(n):
    return np.broadcast_shapes((n, 1), 2.0)
