# Counter methods kiln has: most_common, update, total, elements (and a dict's)
from collections import Counter
def f(n):
    c = Counter([1, 2])
    c.subtract([1])
    return c
# run: f(3)
