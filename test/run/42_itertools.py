# itertools' combinatoric generators and functools.reduce: each call lowered as nested loops (no iterator
# object), tuples in CPython's order, pools read once, ranges computed, r a compile-time constant.
import itertools
import functools
from itertools import combinations, permutations, product
from functools import reduce
import numpy as np

# run: pairs(5)
# expect: (100, 10, -5, 31)
def pairs(n):
    s = 0
    for i, j in itertools.product(range(n), range(n)):
        s += i * j
    c = 0
    for a, b in combinations(range(n), 2):
        c += 1
    p = 0
    for a, b in itertools.combinations_with_replacement(range(n), 2):
        p += a - b + 1
    q = 0
    for t in permutations(range(1, 4), 2):
        q += t[0] * t[1] - 5
    return s, c, p, q + 39

# run: orders()
# expect: ([(0, 1, 2), (0, 1, 3), (0, 2, 3), (1, 2, 3)], [(1, 2), (1, 3), (2, 1), (2, 3), (3, 1), (3, 2)], [(0, 0), (0, 1), (1, 1)], [])
def orders():
    return (list(combinations(range(4), 3)), list(permutations((1, 2, 3), 2)),
            list(itertools.combinations_with_replacement(range(2), 2)), [(0, 1)][:0])

# run: full_perms((3.5, 1.0, 2.0))
# expect: [(3.5, 1.0, 2.0), (3.5, 2.0, 1.0), (1.0, 3.5, 2.0), (1.0, 2.0, 3.5), (2.0, 3.5, 1.0), (2.0, 1.0, 3.5)]
def full_perms(t):
    return [p for p in permutations(t)]

# run: repeat_bits(3)
# expect: ([(0, 0, 0), (0, 0, 1), (0, 1, 0), (0, 1, 1), (1, 0, 0), (1, 0, 1), (1, 1, 0), (1, 1, 1)], 8, 27)
def repeat_bits(k):
    bits = list(product((0, 1), repeat=3))
    n = 0
    for t in product(range(k), repeat=2):
        n += 1
    m = sum(1 for _ in product(range(k), range(k), range(k)))
    return bits, len(bits), m + n - n

# run: empty_cases()
# expect: ([()], [()], [()], [], [], [], [])
def empty_cases():
    return (list(combinations(range(3), 0)), list(product()), list(permutations(range(2), 0)),
            list(combinations(range(2), 3)), list(permutations(range(2), 3)), list(product(range(3), range(0))),
            list(itertools.pairwise(range(1))))

# run: ranges(9)
# expect: ([(9, 7), (9, 5), (9, 3), (9, 1), (7, 5), (7, 3), (7, 1), (5, 3), (5, 1), (3, 1)], [(2, 5), (5, 2)], [])
def ranges(n):
    return list(combinations(range(n, 0, -2), 2)), list(permutations(range(2, 6, 3), 2)), list(combinations(range(5, 2), 1))

# run: zero_step(4)
# expect-error: line 62: ValueError: range() arg 3 must not be zero
def zero_step(n):
    return list(combinations(range(0, n, 0), 2))

# run: over_rows([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
# expect: (67.0, [(0, 1), (0, 2), (1, 2)])
def over_rows(rows):
    m = np.array(rows)
    s = 0.0
    idx = []
    for r1, r2 in combinations(m, 2):
        s += np.dot(r1, r2)
    for i, j in combinations(range(len(m)), 2):
        idx.append((i, j))
    return s, idx

# run: array_pool([4.0, 1.0, 2.5])
# expect: ([(4.0, 1.0), (4.0, 2.5), (1.0, 2.5)], 10.5)
def array_pool(a):
    x = np.array(a)
    best = 0.0
    for u, v in permutations(x, 2):
        best = max(best, u * 2 + v)
    return list(combinations(x, 2)), best

# run: snapshot(list([1, 2, 3]))
# expect: ([1, 2, 3, 3, 4, 5], 3)
def snapshot(l):
    k = 0
    for a, b in combinations(l, 2):   # the pool is read once: appends in the body do not extend it
        l.append(a + b)
        k += 1
    return l, k

# run: chained([1.0, 2.0])
# expect: ([1.0, 2.0, 10.0, 20.0, 1.0, 2.0], [(1.0, 2.0)], [(0, 1), (1, 2), (2, 3)])
def chained(a):
    out = []
    for x in itertools.chain(a, [10.0, 20.0], a):
        out.append(x)
    return out, list(itertools.pairwise(a)), list(itertools.pairwise(range(4)))

# run: with_break(6)
# expect: ((1, 4), 15, 1)
def with_break(n):
    found = (0, 0)
    for a, b in combinations(range(n), 2):
        if a * b == 4:
            found = (a, b)
            break
    k = 0
    for a, b in product(range(n), range(n)):
        if a == b:
            continue
        if a > 2:
            break
        k += 1
    else:
        k = -1
    s = 0
    for t in combinations(range(n), 3):
        pass
    else:
        s = 1
    return found, k, s

# run: nested_same(5)
# expect: (100, 70)
def nested_same(n):
    total = 0
    k = 0
    for a, b in combinations(range(n), 2):
        for c, d in combinations(range(n), 2):
            total += 1
            if a != c:
                k += 1
    return total, k

# run: comprehensions(4)
# expect: ([1, 2, 3, 3, 4, 5], 6, 6, True, False, [(2, 3), (1, 2)])
def comprehensions(n):
    sums = [a + b for a, b in combinations(range(n), 2)]
    return (sums, max(a * b for a, b in combinations(range(n), 2)), sum(1 for _ in permutations(range(3))),
            any(a == b for a, b in product(range(2), range(2))), all(a < b for a, b in permutations(range(3), 2)),
            sorted(combinations(range(1, 4), 2), key=lambda t: -t[0])[:2])

# run: enumerated(4)
# expect: [(0, (0, 1)), (1, (0, 2)), (2, (0, 3)), (3, (1, 2)), (4, (1, 3)), (5, (2, 3))]
def enumerated(n):
    out = []
    for k, pair in enumerate(combinations(range(n), 2)):
        out.append((k, pair))
    return out

# run: static_r(5)
# expect: 10
R = 3
def static_r(n):
    return len(list(combinations(range(n), R)))

# run: tsp(4)
# expect: (9.0, (0, 1, 2, 3))
def tsp(n):
    # the brute-force tour: every order of the cities after the first
    d = np.zeros((n, n))
    for i in range(n):
        for j in range(n):
            d[i, j] = abs(i - j) * (1.0 + (i + j) % 3)
    best = 1e300
    tour = (0, 0, 0, 0)
    for p in permutations(range(1, 4)):
        length = d[0, p[0]] + d[p[0], p[1]] + d[p[1], p[2]] + d[p[2], 0]
        if length < best:
            best = length
            tour = (0, p[0], p[1], p[2])
    return best, tour

# run: reductions(6)
# expect: (15, 720, 21.0, 9, -1.0, 7.5)
def reductions(n):
    s = reduce(lambda a, b: a + b, range(n))
    p = functools.reduce(lambda a, b: a * b, range(1, n + 1), 1)
    f = reduce(lambda a, b: a + b, [1.0, 2.0, 3.0, 4.0, 5.0, 6.0], 0)
    m = reduce(max, [3, 9, 2])
    lo = reduce(min, np.array([2.0, -1.0, 5.0]))
    return s, p, f, m, lo, reduce(lambda a, b: a / 2 + b, [8.0, 4.0, 3.5])

def weighted(acc, x):
    return acc * 10 + x

# run: reduce_kernel(4)
# expect: (123, 1234.0)
def reduce_kernel(n):
    def inner(a, b):
        return a * 10.0 + b
    return reduce(weighted, range(1, n)), reduce(inner, [2.0, 3.0, 4.0], 1.0)

# run: reduce_empty()
# expect-error: line 201: TypeError: reduce() of empty iterable with no initial value
def reduce_empty():
    l = [1.0, 2.0]
    return reduce(lambda a, b: a + b, l[2:])

# run: reduce_empty_init()
# expect: 7.5
def reduce_empty_init():
    l = [1.0, 2.0]
    return reduce(lambda a, b: a + b, l[2:], 7.5)

# run: reduce_generator(5)
# expect: (30, 100)
def reduce_generator(n):
    return reduce(lambda a, b: a + b, (i * i for i in range(n)), 0), reduce(lambda a, b: a + b, [i * 10 for i in range(5)])
