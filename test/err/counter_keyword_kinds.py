# keyword counts are counts of str keys: an iterable of ints beside them is keys of two types
from collections import Counter
def f(n):
    return Counter([1, 2], a=n)
# run: f(3)
