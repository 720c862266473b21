# namedtuple's field names must be identifiers (CPython's ValueError, here when the module compiles)
from collections import namedtuple
P = namedtuple('P', 'x 1y')
def f(n):
    return P(n, n)
# run: f(1)
