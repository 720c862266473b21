# _replace of fields the class does not have
from collections import namedtuple
P = namedtuple('P', 'x y')
def f(n):
    return P(n, n)._replace(w=1, x=2, v=3)
# run: f(1)
