# rotate takes an int
from collections import deque
def f(n):
    d = deque([1, 2])
    d.rotate(n / 2)
    return d
# run: f(3)
