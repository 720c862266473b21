# enumerate and zip nested in each other (for i, (x, y) in enumerate(zip(a, b))), and ranges with a start and a
# step among zip's sequences: one index walks every leaf, zip stops at the shortest (a list's length read at each
# step, as CPython does), the items come back as nested tuples
import numpy as np

# run: pairs(5)
# expect: 65
def pairs(n):
    s = 0
    for i, (x, y) in enumerate(zip(range(n), range(n, 2 * n))):
        s += i * x + y
    return s

# run: comp(3)
# expect: [(1, 1.5, 0), (2, 2.5, 1), (3, 3.5, 2)]
def comp(n):
    a = [1.5, 2.5, 3.5, 4.5]
    b = np.arange(n)
    return [(i, x, y) for i, (x, y) in enumerate(zip(a, b), 1)]

# run: inner_enum(3)
# expect: [50, 161, 272]
def inner_enum(n):
    out = []
    for (i, x), y in zip(enumerate([5, 6, 7, 8]), range(n)):
        out.append(i * 100 + x * 10 + y)
    return out

# run: twice(4)
# expect: [(0, (0, 0)), (1, (1, 1)), (2, (2, 2)), (3, (3, 3))]
def twice(n):
    return list(enumerate(enumerate(range(n))))

# run: empty(2)
# expect: -1
def empty(n):
    a = []
    b = [1, 2]
    for i, (x, y) in enumerate(zip(a, b)):
        return i
    return -1

# run: growing(5)
# expect: [(1, 0), (2, 1), (3, 2), (9, 3)]
def growing(n):
    lst = [1, 2, 3]
    out = []
    for i, (x, y) in enumerate(zip(lst, range(n))):
        if i == 0:
            lst.append(9)
        out.append((x, y))
    return out

# run: dict_of(0)
# expect: {0: 'a', 1: 'b', 2: 'c'}
def dict_of(n):
    return {i: s for i, (s, t) in enumerate(zip("abc", "xyz"))}

# run: steps(10, -3)
# expect: [(10, 'a'), (7, 'b'), (4, 'c'), (1, 'd')]
def steps(a, st):
    return list(zip(range(a, 0, st), "abcdefg"))

# run: steps(0, 4)
# expect: []
def steps2(a, st):
    return steps(a, st)

# run: ranges(7)
# expect: ([(2, 0, 9), (3, 2, 8), (4, 4, 7)], [(0, 7), (1, 6)], [], 18)
def ranges(n):
    a = list(zip(range(2, n), range(0, 100, 2), range(9, -10, -1)))[:3]
    b = list(enumerate(range(n, 5, -1)))
    c = list(zip(range(n, n), range(n)))
    d = 0
    for i, (j, k) in enumerate(zip(range(-3, n, 3), range(n))):
        d += i + j + k
    return a, b, c, d

# run: zero_step(1)
# expect: 'range() arg 3 must not be zero'
def zero_step(k):
    try:
        for x, y in zip(range(0, 10, k - 1), range(3)):
            pass
    except ValueError as e:
        return str(e)
    return None

# run: arrays(3)
# expect: [(0, 0.0, 1.0), (1, 2.0, 3.0), (2, 4.0, 5.0)]
def arrays(n):
    m = np.arange(2.0 * n).reshape(n, 2)
    return [(i, float(r[0]), float(r[1])) for i, (r, _) in enumerate(zip(m, range(n)))]
