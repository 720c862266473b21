# math.hypot of a complex number (CPython: TypeError: must be real number, not complex)
import math
def f(n):
    return math.hypot(n, 1j, 2.0)
# run: f(3)
