# deque() knows iterable and maxlen
from collections import deque
def f(n):
    return deque([1], size=n)
# run: f(3)
