# adding two Counters is not supported yet
from collections import Counter
def f(n):
    return Counter([1]) + Counter([2])
# run: f(3)
