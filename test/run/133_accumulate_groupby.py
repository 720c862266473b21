# itertools.accumulate (a function or +, initial=) and itertools.groupby (key=; each group a list of its items),
# iterated by for loops, comprehensions, list() and sum(); a NaN key repeated groups by identity in CPython, by value
# here (docs/language.md §9b)
import itertools
from itertools import accumulate, groupby

# run: accumulates(5)
# expect: ([0, 1, 3, 6, 10], [1, 2, 6, 24], [3, 3, 4, 4, 5], [10.0, 11.5, 14.0], [7], [5, 3], 10, [5, 9, 12, 14, 15])
# run: accumulates(0)
# expect: ([], [1, 2, 6, 24], [3, 3, 4, 4, 5], [10.0, 11.5, 14.0], [7], [5, 3], 10, [])
def accumulates(n):
    a = list(itertools.accumulate(range(n)))
    b = list(accumulate([1, 2, 3, 4], lambda x, y: x * y))
    c = list(accumulate([3, 1, 4, 1, 5], max))
    d = list(accumulate([1.5, 2.5], initial=10.0))
    e = list(accumulate([], initial=7))
    g = [x for x in accumulate([5, 2], func=lambda p, q: p - q)]
    h = sum(accumulate(range(4)))
    running = []
    for total in accumulate(range(n, 0, -1), None, initial=None):
        running.append(total)
    return a, b, c, d, e, g, h, running

# run: runs('aabbbcaa')
# expect: [('a', 2), ('b', 3), ('c', 1), ('a', 2)]
# run: runs('')
# expect: []
def runs(s):
    out = []
    for k, g in groupby(s):
        out.append((k, len(list(g))))
    return out

# run: decades(list([1, 5, 12, 15, 3, 31]))
# expect: [(0, [1, 5]), (1, [12, 15]), (0, [3]), (3, [31])]
def decades(xs):
    return [(k, list(g)) for k, g in itertools.groupby(xs, key=lambda x: x // 10)]

# run: counted(1)
# expect: [(1, 3), (2, 2), (3, 6)]
def counted(n):
    return [(k, sum(g)) for k, g in groupby(sorted([3, 1, 2, 3, 1, 1]))]

# run: iters(1)
# expect: (3, 9, -1, 6, ['a', 'b'], 'c', [5, 9], 6)
def iters(n):
    d = {3: 'c', 1: 'a'}
    s = {5, 9}
    xs = [4, 2]
    first = next(iter(d))
    anyel = next(iter(s))
    e = next(iter([]), -1)
    tot = 0
    for x in iter(xs):
        tot += x
    return first, anyel, e, tot, list(iter("ab")), next(iter(d.values())), sorted(iter(s)), sum(iter(xs))
