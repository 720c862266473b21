# the type name is a string
from collections import namedtuple
P = namedtuple(1, 'x y')
def f(n):
    return P(n, n)
# run: f(1)
