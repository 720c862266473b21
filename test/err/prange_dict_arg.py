# a dict passed in and written in a prange loop (its type known when lowering): refused too
from numba import prange
def g(d, n):
    for i in prange(n):
        d[i] = i * 0.5
    return d
def f(n):
    d = {0: 0.0}
    return g(d, n)
# run: f(4)
