# methods of a named tuple kiln knows: _replace and _asdict (and a tuple's index and count)
from collections import namedtuple
P = namedtuple('P', 'x y')
def f(n):
    return P(n, n)._source()
# run: f(1)
