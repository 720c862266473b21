# a field given by position and by keyword
from collections import namedtuple
P = namedtuple('P', 'x y')
def f(n):
    return P(n, x=n)
# run: f(1)
