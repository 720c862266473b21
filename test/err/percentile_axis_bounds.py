# np.percentile along an axis the array does not have: NumPy's AxisError text
import numpy as np

def f(n):
    return np.percentile(np.ones((n, 2)), 50, axis=2)
# run: f(3)
