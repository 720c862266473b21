# deque.pop() takes no index (CPython: TypeError: deque.pop() takes no arguments (1 given))
from collections import deque
def f(n):
    d = deque(range(n))
    return d.pop(0)
# run: f(3)
