# run: f(3)
import itertools
def f(n):
    return list(itertools.permutations(range(n)))
