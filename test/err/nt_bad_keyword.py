# namedtuple()'s own keywords
from collections import namedtuple
P = namedtuple('P', 'x y', verbose=True)
def f(n):
    return P(n, n)
# run: f(1)
