# a Counter's counts are ints in kiln (a missing key reads as the int 0)
from collections import Counter
def f(n):
    c = Counter()
    c['a'] = 0.5
    return c
# run: f(3)
