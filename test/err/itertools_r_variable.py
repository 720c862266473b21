# run: f(2)
import itertools
def f(n):
    return list(itertools.combinations(range(4), n))
