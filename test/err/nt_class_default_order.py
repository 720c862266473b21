# fields without defaults come first (CPython's TypeError)
from typing import NamedTuple
class P(NamedTuple):
    x: float = 0.0
    y: float
def f(n):
    return P(n, n)
# run: f(3)
