# the field names must be written where the class is made
from collections import namedtuple
P = namedtuple('P', str('x y'))
def f(n):
    return P(n, n)
# run: f(1)
