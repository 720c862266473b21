# a module constant made by a class, its arguments bound as in a kernel
from collections import namedtuple
P = namedtuple('P', 'x y')
ORIGIN = P(0)
def f(n):
    return ORIGIN
# run: f(1)
