# run: f()
import itertools
def f():
    k = 0
    for t in itertools.product(range(2), repeat=13):
        k += 1
    return k
