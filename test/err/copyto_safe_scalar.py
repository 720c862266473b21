# a NumPy int64 scalar into int8 under casting='safe'
import numpy as np

def f(a):
    np.copyto(a, np.int64(5), casting='safe')
    return a
# run: f(np.array([1, 2], dtype=np.int8))
