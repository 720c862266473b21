# itemgetter itself as a value (not called): not supported
from operator import itemgetter
def f(n):
    g = itemgetter
    return g(0)([n])
# run: f(1)
