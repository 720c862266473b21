# run: f(1)
# a dtype= that changes the accumulator (NumPy sums int32 in int32 here) is not supported: another order, other bits
import numpy as np
def f(n):
    a = np.ones(3, np.int32)
    return a.sum(dtype=np.int32)
