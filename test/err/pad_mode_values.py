# constant_values belongs to mode 'constant' (NumPy's ValueError)
import numpy as np
def f(n):
    return np.pad(np.ones(n), 1, mode='edge', constant_values=2)
# run: f(3)
