# a Counter and a plain dict under | : not supported (CPython's answer depends on which operand's method wins)
from collections import Counter
def f(n):
    c = Counter([1, 1, n])
    c |= {1: 5}
    return c
# run: f(1)
