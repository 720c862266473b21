# math.dist of a list of strings
import math
def f(n):
    return math.dist(["a"], ["b"])
# run: f(3)
