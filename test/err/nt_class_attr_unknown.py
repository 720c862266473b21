# class attributes kiln knows: _fields, __name__ and _make
from collections import namedtuple
P = namedtuple('P', 'x y')
def f(n):
    return P._field_defaults
# run: f(1)
