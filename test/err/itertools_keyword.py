# run: f()
import itertools
def f():
    return list(itertools.combinations(range(3), 2, n=1))
