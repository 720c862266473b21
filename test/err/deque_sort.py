# a deque has no sort method
from collections import deque
def f(n):
    d = deque(range(n))
    d.sort()
    return d
# run: f(3)
