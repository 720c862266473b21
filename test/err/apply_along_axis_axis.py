# np.apply_along_axis along an axis the array does not have: NumPy's AxisError text
import numpy as np

def f(n):
    return np.apply_along_axis(np.sum, 2, np.ones((n, 2)))
# run: f(2)
