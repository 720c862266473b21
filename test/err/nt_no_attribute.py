# a name that is no field
from collections import namedtuple
P = namedtuple('P', 'x y')
def f(n):
    p = P(n, n)
    return p.z
# run: f(1)
