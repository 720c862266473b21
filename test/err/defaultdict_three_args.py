# defaultdict(factory, mapping) takes no third argument
from collections import defaultdict
def f(n):
    return defaultdict(int, {1: 2}, {3: 4})
# run: f(3)
