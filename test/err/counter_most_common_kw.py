# most_common takes n by position here
from collections import Counter
def f(n):
    return Counter([1]).most_common(n=1)
# run: f(3)
