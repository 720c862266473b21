# math.dist takes two points
import math
def f(n):
    return math.dist((1.0, 2.0))
# run: f(3)
