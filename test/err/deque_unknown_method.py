# an attribute a deque does not have
from collections import deque
def f(n):
    d = deque([1, 2])
    return d.peek()
# run: f(3)
