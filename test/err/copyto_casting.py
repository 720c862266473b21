# np.copyto's default casting='same_kind' refuses floats into an int array (NumPy's TypeError)
import numpy as np

def f(x):
    a = np.zeros(3, dtype=np.int64)
    np.copyto(a, x)
    return a
# run: f([1.5, 2.5, 3.5])
