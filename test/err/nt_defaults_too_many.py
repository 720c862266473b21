# more defaults than fields
from collections import namedtuple
P = namedtuple('P', 'x y', defaults=(1, 2, 3))
def f(n):
    return P()
# run: f(1)
