# run: f([1.0])
from functools import reduce
def f(a):
    return reduce(lambda x, y: x + y)
