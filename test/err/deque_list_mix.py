# a deque and a list are two types: a variable cannot hold both
from collections import deque
def f(n):
    d = deque([1, 2])
    if n > 1:
        d = [1, 2]
    return d
# run: f(3)
