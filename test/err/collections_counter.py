# of collections, kernels use defaultdict
import collections
def f(n):
    return collections.Counter([1, 2, 2])
# run: f(3)
