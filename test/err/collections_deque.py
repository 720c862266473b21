# of collections, kernels use defaultdict and Counter (namedtuple makes classes at module level)
import collections
def f(n):
    return collections.deque([1, 2])
# run: f(3)
