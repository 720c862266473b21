# np.iinfo of a float type: NumPy's message
import numpy as np
def f(n):
    return np.iinfo(np.float64).max + n
# run: f(2)
