# maxlen is an int or None
from collections import deque
def f(n):
    return deque([1], maxlen=n * 1.5)
# run: f(3)
