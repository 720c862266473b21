# a field name may not be a keyword
from collections import namedtuple
P = namedtuple('P', ['x', 'def'])
def f(n):
    return P(n, n)
# run: f(1)
