# defaultdict() without a factory is not supported
from collections import defaultdict
def f(n):
    return defaultdict()
# run: f(3)
