# math.dist takes its points by position only (CPython: TypeError)
import math
def f(n):
    return math.dist(p=(1.0, 2.0), q=(n, 0.0))
# run: f(3)
