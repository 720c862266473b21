# run: f(3)
import functools
def f(n):
    return functools.partial(n)
