# a prange loop taking items off a deque of the function: the result would depend on the order of iterations
from collections import deque
from numba import prange
def f(n):
    d = deque(range(n))
    s = 0
    for i in prange(n):
        s += d.popleft()
    return s
# run: f(3)
