# np.ix_: 1-d sequences only (NumPy's ValueError)
import numpy as np
def f(n):
    return np.ix_(np.ones((n, 2), dtype=np.int64), np.arange(n))
# run: f(2)
