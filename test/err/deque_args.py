# deque() takes at most 2 arguments
from collections import deque
def f(n):
    return deque([1], 2, 3)
# run: f(3)
