# np.i0 of complex numbers: NumPy's TypeError, at compile time
import numpy as np

def f(n):
    return np.i0(np.ones(n) * 1j)
# run: f(3)
