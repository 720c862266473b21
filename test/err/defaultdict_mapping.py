# defaultdict(factory, mapping) is not supported yet
from collections import defaultdict
def f(n):
    return defaultdict(int, {1: 2})
# run: f(3)
