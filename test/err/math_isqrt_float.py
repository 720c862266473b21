# run: f(2.5)
# math.isqrt of a float: CPython's TypeError
import math

def f(x):
    return math.isqrt(x)
