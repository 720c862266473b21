# a field name given twice
from collections import namedtuple
P = namedtuple('P', 'x y x')
def f(n):
    return P(n, n, n)
# run: f(1)
