# a keyword that names no field
from collections import namedtuple
P = namedtuple('P', 'x y')
def f(n):
    return P(n, w=n)
# run: f(1)
