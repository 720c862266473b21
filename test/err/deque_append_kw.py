# deque.append takes no keyword arguments
from collections import deque
def f(n):
    d = deque([1, 2])
    d.append(x=n)
    return d
# run: f(3)
