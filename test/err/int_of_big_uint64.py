# int() of a uint64 above 2**63 - 1: Python's int would hold it, kiln's 64-bit int cannot; an OverflowError, not a
# negative number
import numpy as np

def f(n):
    small = int(np.uint64(n))
    u = ~np.uint64(n)
    return small + int(u)
# run: f(3)
