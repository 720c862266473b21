# a defaultdict's factory is a builtin type (Counter makes a Counter, not a default)
from collections import defaultdict, Counter
def f(n):
    d = defaultdict(Counter)
    return d
# run: f(3)
