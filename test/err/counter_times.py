# Counter * Counter is no operator of Counter's
from collections import Counter
def f(n):
    return Counter([1]) * Counter([2])
# run: f(3)
