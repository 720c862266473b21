# NumPy's integers have no bit_length
import numpy as np
def f(n):
    return np.int64(n).bit_length()
# run: f(3)
