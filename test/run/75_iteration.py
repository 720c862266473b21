# Iteration: reversed() (a loop counting down for ranges; lists, strings, tuples, arrays and dicts as what list(),
# sorted(), join and comprehensions consume), and an iterable evaluated once (for x in f() called f twice: kiln
# evaluated the expression to learn its type, then again to walk it). CPython's answers on every tier.
import numpy as np

# run: reverse(4)
# expect: ([3, 2, 1, 0, 17, 12, 7, 2, 1, 4, 7, 10], [3.5, 2.5, 1.5], [7.0, 5.0, 3.0], 'olléh', [3, 2, 1, 0], [4, 2, 0], 10.0, [1, 2, 3], ['b', 'a'], 54, '321')
def reverse(n):
    out = []
    for i in reversed(range(n)):
        out.append(i)
    for i in reversed(range(2, 20, 5)):
        out.append(i)
    for i in reversed(range(10, 0, -3)):
        out.append(i)
    for i in reversed(range(0)):
        out.append(-1)
    xs = [1.5, 2.5, 3.5]
    a = list(reversed(xs))
    b = [x * 2 for x in reversed(xs)]
    c = "".join(reversed("héllo"))
    d = list(reversed(range(n)))
    m = np.arange(6).reshape(3, 2)
    e = [int(r[0]) for r in reversed(m)]
    g = sum(reversed(np.arange(5.0)))
    t = ""
    for v in reversed((1, 2, 3)):
        t += str(v)
    k = sorted(reversed([3, 1, 2]))
    dd = {"a": 1, "b": 2}
    ks = list(reversed(dd))
    path = [n, n + 1]
    total = 0
    for p in reversed(path):
        total = total * 10 + p
    return out, a, b, c, d, e, g, k, ks, total, t

# run: reverse_ranges(-3)
# expect: [2, 1, 0, -1, -2, -3, -1, 2, 5, 6, 3, 0, 3, 1, -1]
def reverse_ranges(n):
    out = []
    for i in reversed(range(n, 3)):
        out.append(i)
    for i in reversed(range(5, n, n)):
        out.append(i)
    for i in reversed(range(9223372036854775800, 9223372036854775807, 3)):
        out.append(i - 9223372036854775800)
    for i in reversed(range(-9223372036854775807 - 1, -9223372036854775807 + 5, 2)):
        out.append(i + 9223372036854775807)
    return out

def grow(xs):
    xs.append(len(xs))
    return xs

# run: once(1)
# expect: (2, [0, 1, 2], 6, 10, 5)
def once(n):
    xs = [0]
    c = 0
    for x in grow(xs):
        c += 1
    a = [x for x in grow(xs)]
    b = sum(x for x in grow(xs))
    d = 0
    for i, x in enumerate(grow(xs)):
        d += i
    return c, a, b, d, len(xs)
