# a deque takes no slice (CPython: TypeError: sequence index must be integer, not 'slice')
from collections import deque
def f(n):
    d = deque(range(n))
    return d[1:2]
# run: f(3)
