# tuple targets that take apart lists and arrays (x, y, z = point; for a, b in rows), and starred targets
# (first, *rest = items): lower/unpack.c. A list's or an array's length is checked when it runs, with CPython's
# ValueErrors; a starred target takes what the others leave, as a new list
import numpy as np

# run: star_list(3)
# expect: (1, [2, 3, 3])
def star_list(n):
    first, *rest = [1, 2, 3, n]
    return first, rest

# run: star_tuple(3)
# expect: ([1.5, 2.5], 3.0, 1, [], 2, [1, 2], 3)
def star_tuple(n):
    *init, last = (1.5, 2.5, n * 1.0)
    a, *mid, b = (1, 2)
    *c, d = (1, 2, n)
    return init, last, a, mid, b, c, d

# run: point(1)
# expect: 6.0
def point(n):
    x, y, z = np.arange(3.0) + n
    return x + y + z

# run: rows(0)
# expect: 26.0
def rows(n):
    s = 0.0
    for x, y in np.arange(6.0).reshape(3, 2):
        s += x * y
    return s

# run: pair(3)
# expect: 5
def pair(n):
    a, b = [n, 2]
    return a + b

# run: lengths(3)
# expect: ['too many values to unpack (expected 2)', 'not enough values to unpack (expected 2, got 1)', 'not enough values to unpack (expected at least 2, got 1)', '(1, [], 1)', '(1, [1, 1], 1)', 'not enough values to unpack (expected 3, got 2)', 'too many values to unpack (expected 3)']
def lengths(n):
    out = []
    for k in (3, 1):
        try:
            a, b = [1] * k
            out.append(str(a + b))
        except ValueError as e:
            out.append(str(e))
    for k in (1, 2, n + 1):
        try:
            a, *b, c = [1] * k
            out.append(str((a, b, c)))
        except ValueError as e:
            out.append(str(e))
    for k in (2, 4):
        try:
            x, y, z = np.zeros(k)
            out.append(str(x))
        except ValueError as e:
            out.append(str(e))
    return out

# run: for_star(0)
# expect: [6, 15]
def for_star(n):
    out = []
    for head, *tail in [(1, 2, 3), (4, 5, 6)]:
        out.append(head + sum(tail))
    return out

# run: array_star(4)
# expect: (0, [1, 2, 3], 3)
def array_star(n):
    first, *rest = np.arange(n)
    return int(first), [int(x) for x in rest], len(rest)

# run: array_rows(3)
# expect: (6.0, 3)
def array_rows(n):
    r1, r2 = np.ones((2, n))
    return r1.sum() + r2.sum(), r1.shape[0]

# run: comp(0)
# expect: [6, 9, 7]
def comp(n):
    return [a + sum(b) for a, *b in [[1, 2, 3], [4, 5], [7]]]

# run: nested(2)
# expect: (1, [2, 3], 4, 5)
def nested(n):
    (a, *b), (c, d) = [1, 2, 3], (4, 5)
    return a, b, c, d
