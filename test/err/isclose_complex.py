# math.isclose of a complex number: CPython's TypeError
import math
def f(x):
    return math.isclose(x, 1.0)
# run: f(1j)
