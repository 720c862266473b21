# np.vdot of complex arrays (it conjugates the first) is not supported yet
import numpy as np
def f(n):
    z = np.ones(n) * 1j
    return np.vdot(z, z)
# run: f(2)
