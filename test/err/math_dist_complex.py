# math.dist of complex coordinates (CPython: TypeError: must be real number, not complex)
import math
def f(n):
    return math.dist((1j, 2.0), (n, 0.0))
# run: f(3)
