# a field without a default must be given
from collections import namedtuple
P = namedtuple('P', 'x y z', defaults=(0,))
def f(n):
    return P(n)
# run: f(1)
