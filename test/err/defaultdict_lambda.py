# a defaultdict's factory is a builtin type written in the call
from collections import defaultdict
def f(n):
    d = defaultdict(lambda: 1)
    d[n] += 1
    return d
# run: f(3)
