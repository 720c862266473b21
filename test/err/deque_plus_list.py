# a deque concatenates deques only (CPython: TypeError: can only concatenate deque (not "list") to deque)
from collections import deque
def f(n):
    return deque([1]) + [n]
# run: f(3)
