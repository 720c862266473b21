# an assignment expression in a prange loop: the loop's dependence checks see statements only
from numba import prange
def f(n):
    s = 0
    for i in prange(n):
        if (k := i * 2) > 3:
            s += k
    return s
# run: f(8)
