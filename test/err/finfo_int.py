# np.finfo of an integer type: NumPy's message
import numpy as np
def f(n):
    return np.finfo(np.int64).eps * n
# run: f(2)
