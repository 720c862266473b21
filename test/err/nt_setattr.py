# a named tuple's fields cannot be assigned (CPython: AttributeError)
from collections import namedtuple
P = namedtuple('P', 'x y')
def f(n):
    p = P(n, n)
    p.x = 2
    return p
# run: f(1)
