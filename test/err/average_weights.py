# run: f([1.0, 2.0], [1.0, 3.0])
import numpy as np
def f(a, w):
    return np.average(a, weights=w)
