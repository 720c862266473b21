# adding Counters of two key types (a kiln Counter holds keys of one type)
from collections import Counter
def f(n):
    return Counter([1]) + Counter(["a"])
# run: f(3)
