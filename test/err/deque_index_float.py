# a deque index is an int
from collections import deque
def f(n):
    d = deque([1, 2])
    return d[n / 2]
# run: f(3)
