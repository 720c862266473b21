# run: f(4)
import random
def f(n):
    s = 0.0
    for i in prange(n):
        s += random.random()
    return s
