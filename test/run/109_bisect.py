# the bisect module (lower/bisect.c): CPython's _bisect step for step on lists and 1-d arrays, lo/hi/key,
# insort into a list, its ValueError for a negative lo and -1 as hi meaning len(a), as its C code reads it
import bisect
from bisect import bisect_left, insort
import numpy as np

# run: sides(2.0)
# expect: (1, 3, 3, 1, 0, 5)
def sides(x):
    xs = [1.0, 2.0, 2.0, 5.0, 9.0]
    return (bisect.bisect_left(xs, x), bisect.bisect_right(xs, x), bisect.bisect(xs, x), bisect_left(xs, x, 1, 3),
            bisect.bisect_left(xs, -1.0), bisect.bisect_right(xs, 100.0))

# run: grow(12)
# expect: [0, 0, 0, 1, 1, 2, 2, 2, 3, 3, 4, 4]
def grow(n):
    a = []
    for i in range(n):
        insort(a, (i * 7) % 5)
    return a

# run: on_array(3)
# expect: (2, 1, 4)
def on_array(x):
    a = np.array([1, 3, 5, 7])
    return bisect.bisect_right(a, x), bisect.bisect_left(a, x, hi=2), bisect.bisect_left(a, 100)

# run: keyed(0)
# expect: (2, [(1, 'a'), (3, 'b'), (4, 'd'), (5, 'c')], [(1, 'a'), (3, 'b'), (3, 'e'), (4, 'd'), (5, 'c')])
def keyed(n):
    recs = [(1, 'a'), (3, 'b'), (5, 'c')]
    i = bisect.bisect_left(recs, 4, key=lambda r: r[0])
    bisect.insort(recs, (4, 'd'), key=lambda r: r[0])
    first = list(recs)
    bisect.insort_right(recs, (3, 'e'), key=lambda r: r[0])
    return i, first, recs

# run: bounds(0)
# expect: ('lo must be non-negative', 1, 0, 1, 'list index out of range')
def bounds(n):
    out = ""
    try:
        bisect.bisect_left([1, 2], 1, -1)
    except ValueError as e:
        out = str(e)
    idx = ""
    try:
        bisect.bisect_right([1, 2], 5, 0, 9)
    except IndexError as e:
        idx = str(e)
    return (out, bisect.bisect_left([1, 2, 3], 2, 0, -1), bisect.bisect_left([1, 2, 3], 3, 0, -2),
            bisect.bisect_right([1, 2, 3], 1, hi=None), idx)

# run: empty(1.5)
# expect: (0, 0, [1.5])
def empty(x):
    a = [0.0]
    a.pop()
    i = bisect.bisect_left(a, x)
    j = bisect.bisect_right(a, x)
    bisect.insort_left(a, x)
    return i, j, a

# run: tuples(0)
# expect: [(1, 2), (1, 3), (2, 0), (2, 1)]
def tuples(n):
    a = [(1, 3), (2, 1)]
    bisect.insort(a, (1, 2))
    bisect.insort_left(a, (2, 0))
    return a
