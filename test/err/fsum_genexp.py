# math.fsum of a generator expression is not supported yet
import math
def f(n):
    return math.fsum(x * 0.1 for x in range(n))
# run: f(3)
