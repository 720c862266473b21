# more positional arguments than fields
from collections import namedtuple
P = namedtuple('P', 'x y')
def f(n):
    return P(n, n, n)
# run: f(1)
