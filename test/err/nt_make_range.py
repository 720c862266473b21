# _make takes a tuple, a list or a 1-d array here
from collections import namedtuple
P = namedtuple('P', 'x y')
def f(n):
    return P._make(range(2))
# run: f(1)
