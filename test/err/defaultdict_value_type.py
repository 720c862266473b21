# a defaultdict(int)'s values are ints: a float stored is kiln's dict error
from collections import defaultdict
def f(n):
    d = defaultdict(int)
    d[n] += 1
    d[0] = 0.5
    return d
# run: f(3)
