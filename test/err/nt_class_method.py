# a NamedTuple class holds fields only here (no methods)
from typing import NamedTuple
class P(NamedTuple):
    x: float
    def norm(self):
        return abs(self.x)
def f(n):
    return P(n)
# run: f(3)
