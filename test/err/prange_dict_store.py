# a dict made in the function and written in a prange loop: one table every iteration would change
from numba import prange
def f(n):
    d = {}
    for i in prange(n):
        d[i] = i * 0.5
    return d
# run: f(4)
