# `from itertools import *` and `from functools import *` bind itertools' and functools' names (and only those)
from itertools import *
from functools import *

# run: f(4)
# expect: (6, [(0, 1), (1, 0)], 24)
def f(n):
    k = 0
    for a, b in combinations(range(n), 2):
        k += 1
    return k, list(permutations(range(2))), reduce(lambda x, y: x * y, range(1, n + 1))
