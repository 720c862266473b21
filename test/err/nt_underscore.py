# a field name may not start with an underscore unless rename=True
from collections import namedtuple
P = namedtuple('P', 'x _y')
def f(n):
    return P(n, n)
# run: f(1)
