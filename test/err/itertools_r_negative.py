# run: f()
from itertools import permutations
def f():
    return list(permutations(range(4), -2))
