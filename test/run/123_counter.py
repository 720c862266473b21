# collections.Counter: counting an iterable (a list, a string, a range, an array, a generator) or a mapping's counts;
# a missing key reads 0 and is not added; c[k] += n adds it; most_common(n) in CPython's order (by count, the first
# seen first among equal counts), update, total, elements; the repr Counter({...}) in that order
from collections import Counter
import collections
import numpy as np

# run: basics(5)
# expect: (Counter({3: 3, 2: 2, 1: 1}), 0, False, 3, Counter({'a': 5, 'b': 2, 'r': 2, 'c': 1, 'd': 1}), [('a', 5), ('b', 2), ('r', 2), ('c', 1), ('d', 1)], [('a', 5), ('b', 2)], Counter({'b': 5, 'a': 2}), [], Counter())
def basics(n):
    c = Counter([1, 2, 2, 3, 3, 3])
    w = Counter("abracadabra")
    m = collections.Counter({'a': 2, 'b': 5})
    return c, c[9], 9 in c, len(c), w, w.most_common(), w.most_common(2), m, m.most_common(0), Counter()

# run: updates(6)
# expect: (Counter({'z': 4, 'x': 3, 'y': 2}), 9, ['x', 'x', 'x', 'y', 'y', 'z', 'z', 'z', 'z'], Counter({0: 1, 1: 1, 2: 1, 3: 1, 4: 1, 5: 1}), Counter({0: 2, 1: 2, 2: 2}), Counter({0: 4, 1: 4, 2: 1}), {'x': 3, 'y': 2, 'z': 4}, "Counter({'z': 4, 'x': 3, 'y': 2})")
def updates(n):
    e = Counter()
    e['x'] += 2
    e.update(['y', 'y', 'x'])
    e.update({'z': 4})
    r = Counter(range(n))
    a = Counter(np.arange(n) % 3)
    g = Counter(i % 2 for i in range(n))
    g.update(range(3))
    return e, e.total(), sorted(e.elements()), r, a, g, dict(e), str(e)

# run: ties(0)
# expect: (Counter({'b': 2, 'a': 2, 'c': 1}), [('b', 2), ('a', 2), ('c', 1)], ['b', 'a', 'c'], "Counter({'b': 2, 'a': 2, 'c': 1})")
def ties(n):
    c = Counter(['b', 'a', 'c', 'a', 'b', 'd'])
    del c['d']
    return c, c.most_common(), list(c), f"{c}"

# run: words(0)
# expect: ([('it', 2), ('was', 2), ('the', 2)], 2, 12)
def words(n):
    text = "it was the best of times it was the worst of times"
    c = Counter(text.split())
    return c.most_common(3), c['times'], sum(c.values())

# run: arithmetic(2)
# expect: (Counter({3: 4, 1: 3, 4: 2, 2: 1}), Counter({3: 2, 1: 1, 2: 1}), Counter({4: 2}), Counter({3: 3, 1: 2, 4: 2, 2: 1}), Counter({1: 1, 3: 1}), Counter({'a': 2, 'b': 0, 'z': -1}), Counter({'b': 6, 'a': 2}), Counter({1: 1, 2: -1, 5: -1}), Counter({1: 2, 7: -2}), Counter({3: 3, 1: 2, 2: 1}), Counter({3: 3, 1: 2, 2: 1}))
def arithmetic(n):
    c = Counter([1, 1, 2, 3, 3, 3])
    d = Counter([3, 4, 4, 1])
    e = Counter(a=n, b=0, z=-1)
    f = Counter(["a", "b", "a"], b=5)
    g = Counter([1, 2])
    g.subtract([2, 2, 5])
    h = Counter({1: 3})
    h.subtract({1: 1, 7: 2})
    return c + d, c - d, d - c, c | d, c & d, e, f, g, h, Counter() + c, c - Counter()

# run: in_place(2)
# expect: ('Counter({2: 3, 3: 3, 1: 2, 5: 1})', 'Counter({2: 3, 3: 2, 5: 1})', 'Counter({3: 4, 2: 3, 5: 1, 8: 1})', Counter({3: 2, 2: 1, 8: 1}), True, Counter({'cat': 1, 'and': 1, 'hat': 1, 'dog': 1}))
def in_place(n):
    c = Counter([1, 1, 2, 3, 3, 3])
    alias = c
    c += Counter([2, 2, 5])
    a1 = str(alias)
    c -= Counter([1, 1, 3, 9])
    a2 = str(alias)
    c |= Counter([3, 3, 3, 3, 8])
    a3 = str(alias)
    c &= Counter([3, 3, 8, 2])
    words = Counter("the cat and the hat".split())
    words += Counter({"the": -2, "dog": 1})
    return a1, a2, a3, alias, c is alias, words
