# run: f(3)
# a parameter given by position and by keyword: NumPy's TypeError, at compile time
import numpy as np
def f(n):
    return np.zeros(n, np.float32, dtype=np.int32)
