# collections.defaultdict(factory): a dict whose missing key, read (d[k], d[k] += x, d[k].append(x)), is given the
# factory's value first (int, float, bool, complex, str, list, set); `in`, get, len and iteration do not add keys;
# its repr is defaultdict(<class 'int'>, {...}); dict(d) is a plain dict
from collections import defaultdict
import collections
import numpy as np

# run: counts(7)
# expect: (defaultdict(<class 'int'>, {0: 3, 1: 2, 2: 2, 10: 0}), 0, 4, False, -1, {0: 3, 1: 2, 2: 2, 10: 0}, [(0, 3), (1, 2), (2, 2), (10, 0)])
def counts(n):
    d = defaultdict(int)
    for i in range(n):
        d[i % 3] += 1
    x = d[10]
    return d, x, len(d), 11 in d, d.get(12, -1), dict(d), sorted(d.items())

# run: groups(5)
# expect: (defaultdict(<class 'list'>, {0: [0.0, 1.0, 2.0], 1: [0.5, 1.5]}), defaultdict(<class 'set'>, {0: {0, 16, 4}, 1: {1, 9}}), [3, 2])
def groups(n):
    g = defaultdict(list)
    for i in range(n):
        g[i % 2].append(i * 0.5)
    s = collections.defaultdict(set)
    for i in range(n):
        s[i % 2].add(i * i)
    return g, s, [len(v) for v in g.values()]

# run: others(3)
# expect: (defaultdict(<class 'str'>, {'a': 'xxx', 'b': ''}), defaultdict(<class 'float'>, {(1, 2): 1.5}), defaultdict(<class 'bool'>, {0: True}), defaultdict(<class 'complex'>, {'z': 1j}), "defaultdict(<class 'str'>, {'a': 'xxx', 'b': ''})", "defaultdict(<class 'float'>, {(1, 2): 1.5})")
def others(n):
    t = defaultdict(str)
    t['a'] += 'x' * n
    t['b']
    f = defaultdict(float)
    f[(1, 2)] += 1.5
    b = defaultdict(bool)
    b[0] |= True
    c = defaultdict(complex)
    c['z'] += 1j
    return t, f, b, c, str(t), f"{f}"

# run: words(0)
# expect: (defaultdict(<class 'int'>, {'the': 3, 'cat': 1, 'and': 2, 'hat': 1, 'bat': 1}), 'the', 3)
def words(n):
    text = "the cat and the hat and the bat"
    d = defaultdict(int)
    for w in text.split():
        d[w] += 1
    best = max(d, key=d.get)
    return d, best, d[best]

# run: histogram(10)
# expect: defaultdict(<class 'int'>, {0: 3, 1: 3, 2: 2, 3: 2})
def histogram(n):
    a = np.arange(n) % 4
    h = defaultdict(int)
    for v in a:
        h[int(v)] += 1
    return h

# run: from_mapping(2)
# expect: (defaultdict(<class 'int'>, {1: 2, 3: 4, 5: 2}), defaultdict(<class 'list'>, {1: [0.5], 2: [1.5], 9: [2.5]}), defaultdict(<class 'float'>, {0: 0.5, 1: 1.5, 2: 2.5, 7: 1.0}))
def from_mapping(n):
    d = defaultdict(int, {1: 2, 3: 4})
    d[5] += n
    e = defaultdict(list, [(1, [0.5]), (2, [])])
    e[2].append(1.5)
    e[9].append(2.5)
    g = defaultdict(float, zip(range(3), [0.5, 1.5, 2.5]))
    g[7] += 1.0
    return d, e, g
