# a function returning a P on one path and a plain tuple on another
from collections import namedtuple
P = namedtuple('P', 'x y')
def f(n):
    if n > 0:
        return P(n, n)
    return (n, n)
# run: f(1)
