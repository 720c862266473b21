# run: f(3)
import itertools
def f(n):
    s = 0
    for i in itertools.count(n):
        s += i
    return s
