# one variable, a P on one path and a plain tuple on another: they print differently
from collections import namedtuple
P = namedtuple('P', 'x y')
def f(n):
    t = P(n, n)
    if n > 0:
        t = (n, n)
    return t
# run: f(1)
