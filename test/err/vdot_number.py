# np.vdot of a number: NumPy flattens arrays (a number has nothing to flatten here)
import numpy as np
def f(n):
    z = np.ones(n) * 1j
    return np.vdot(z, 2.0)
# run: f(2)
