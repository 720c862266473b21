# _make of a tuple of another length
from collections import namedtuple
P = namedtuple('P', 'x y')
def f(n):
    return P._make((n, n, n))
# run: f(1)
