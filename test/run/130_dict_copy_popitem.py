# dict.copy() (a shallow copy of the dict's kind: a defaultdict's is one, a Counter's a Counter), dict.popitem()
# (the last entry, CPython's LIFO order), and list.extend() of any iterable (a set, a dict's keys, a string, a
# generator, a range, an n-d array's rows); found by test/fuzz/containers.py, which called them
from collections import Counter, defaultdict
import numpy as np

# run: copies(3)
# expect: ({0: 0, 1: 1, 2: 4}, {0: 0, 1: 1, 2: 4, 9: 81}, {}, 3, 4)
def copies(n):
    d = {}
    for i in range(n):
        d[i] = i * i
    e = d.copy()
    e[9] = 81
    empty = {}
    f = empty.copy()
    return d, e, f, len(d), len(e)

# run: shallow()
# expect: (defaultdict(<class 'list'>, {1: [2, 5], 2: [3]}), defaultdict(<class 'list'>, {1: [2, 5], 2: [3], 7: [1]}), True)
def shallow():
    g = defaultdict(list)
    g[1].append(2)
    g[2].append(3)
    h = g.copy()
    h[7].append(1)
    h[1].append(5)
    return g, h, g[1] is h[1]

# run: counter_copy([1, 1, 2, 3, 3, 3])
# expect: (Counter({3: 3, 1: 2, 2: 1}), Counter({3: 3, 1: 2, 5: 2, 2: 1}), [(3, 3), (1, 2), (5, 2)])
def counter_copy(xs):
    c = Counter(xs)
    d = c.copy()
    d[5] += 2
    return c, d, d.most_common(3)

# run: popitems(5)
# expect: ([(4, 16.0), (3, 9.0), (7, 0.5), (2, 4.0)], {0: 0.0, 1: 1.0}, 2)
def popitems(n):
    d = {}
    for i in range(n):
        d[i] = float(i * i)
    out = [d.popitem(), d.popitem()]
    d[7] = 0.5
    out.append(d.popitem())
    out.append(d.popitem())
    return out, d, len(d)

# run: popitem_empty(2)
# expect-error: line 55: KeyError: 'popitem(): dictionary is empty'
def popitem_empty(n):
    d = {1: "a", 2: "b"}
    while True:
        k, v = d.popitem()
        n -= 1

# run: popitem_never_filled()
# expect-error: line 62: KeyError: 'popitem(): dictionary is empty'
def popitem_never_filled():
    d = {}
    d.popitem()
    return 1

# run: popitem_until_empty(6)
# expect: ([5, 4, 3, 2, 1, 0], {})
def popitem_until_empty(n):
    d = {}
    for i in range(n):
        d[i] = i
    keys = []
    while d:
        keys.append(d.popitem()[0])
    return keys, d

# run: extend_any(4)
# expect: ([0, 1, 2, 3, 0, 1, 2, 3, 0, 1, 4, 9, 8, 6], ['a', 'b', 'c', 'd'], [21.0, 43.0], [3, 1])
def extend_any(n):
    xs = [0]
    xs.extend(range(1, n))
    xs.extend({0, 1, 2, 3})
    xs.extend(i * i for i in range(n))
    xs.extend({8: "x", 6: "y"})
    cs = ["a"]
    cs.extend("bcd")
    rows = []
    rows.extend(np.array([[1.0, 2.0], [3.0, 4.0]]))
    t = []
    t.extend(zip([3, 1], [0, 0]))
    firsts = []
    for a, b in t:
        firsts.append(a)
    return xs, cs, [float(r[0] + 10 * r[1]) for r in rows], firsts

# run: empty_splices(0)
# expect: ([], [], 0)
def empty_splices(n):
    e = []
    del e[0:2]
    e[0:0] = []
    del e[n:]
    f = [1.5]
    del f[:]
    del f[0:3]
    return e, f, len(e) + len(f)
