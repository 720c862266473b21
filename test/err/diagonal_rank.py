# np.trace of a 3-d array: 2-d arrays only
import numpy as np

def f(a):
    return np.trace(a.reshape(1, 2, 2))
# run: f([1.0, 2.0, 3.0, 4.0])
