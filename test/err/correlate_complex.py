# np.correlate of complex arrays (NumPy conjugates the second) is not supported yet
import numpy as np
def f(n):
    return np.correlate(np.ones(n) * 1j, np.ones(2))
# run: f(3)
