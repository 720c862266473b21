# _asdict makes a dict, whose values have one type in kiln
from collections import namedtuple
P = namedtuple('P', 'x y')
def f(n):
    return P(n, 1.5)._asdict()
# run: f(1)
