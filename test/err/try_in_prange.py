# run: f(4)
from numba import prange
def f(n):
    s = 0
    for i in prange(n):
        try:
            s += 10 // i
        except ZeroDivisionError:
            pass
    return s
