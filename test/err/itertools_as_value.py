# run: f(3)
import itertools
def f(n):
    p = itertools.product(range(n), range(n))
    return 0
