# Python sets: displays, comprehensions, set(), in, len, iteration, the operators and methods, each in CPython's
# iteration order (kiln keeps CPython 3.11's table: hashes, probes, resizes, dummies, which operand each operation
# walks), returned as Python sets and as lists of their order.
import math
import numpy as np

# run: unique(list([3, 1, 3, 7, 1, 9, 7, 16, 8]))
# expect: ({1, 3, 7, 8, 9, 16}, [1, 3, 7, 8, 9, 16], 6)
def unique(xs):
    s = set()
    for x in xs:
        s.add(x)
    return s, list(s), len(s)

# run: sieve(60)
# expect: [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59]
def sieve(n):
    composite = set()
    primes = []
    for i in range(2, n):
        if i not in composite:
            primes.append(i)
            for j in range(i * i, n, i):
                composite.add(j)
    return primes

# run: displays(5)
# expect: ({32, 0, 16, 8, 24}, {1, 3, 5, 6, 7}, [64, 0, 32, 128, 8, 40, 16, 24], {1, 9}, {(17, 2), (1, 2), (25, 2), (9, 2)})
def displays(k):
    a = {8, 16, 24, 0, 32}
    b = {k, 1, 3, 6, 7}
    out = []
    for x in {64, 0, 128, 8, 16, 24, 32, 40}:
        out.append(x)
    return a, b, out, {1, 9}, {(1, 2), (9, 2), (17, 2), (25, 2)}

# run: comprehension(12)
# expect: ({0, 1, 64, 121, 4, 36, 100, 9, 16, 49, 81, 25}, {0, 2, 3, 5, 6, 8}, {(0, 1), (1, 0), (1, 1), (0, 0)})
def comprehension(n):
    sq = {i * i for i in range(n)}
    m = {i * 7 % 9 for i in range(n) if i % 3 != 1}
    pairs = {(i % 2, j % 2) for i in range(n) for j in range(3)}
    return sq, m, pairs

# run: floats(10)
# expect: ({0.0, 0.5, 2.0, 32.0, 4.5, 8.0, 40.5, 12.5, inf, -inf, 18.0, 24.5, 1e+300, -1.5}, True, False)
def floats(n):
    s = {0.5 * i * i for i in range(n)}
    s.add(-0.0)
    s.add(-1.5)
    s.add(1e300)
    s.add(math.inf)
    s.add(-math.inf)
    return s, 0.0 in s, 0.25 in s

# run: algebra(20)
# expect: ({0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 12, 14, 15, 16, 18}, {0, 18, 12, 6}, {0, 1, 3, 5, 6, 7, 9, 11, 12, 13, 15, 17, 18, 19}, {2, 3, 4, 8, 9, 10, 14, 15, 16}, True, False, True, False, True)
def algebra(n):
    a = {i for i in range(n) if i % 2 == 0}
    b = {i for i in range(n) if i % 3 == 0}
    c = set(range(10))
    u = (a & b) | c | {14, 15, 16}
    return u - {10, 11}, a & b, (a ^ b) ^ (a & b) ^ {1, 5, 7, 11, 13, 17, 19} ^ (a - b) | (b - a), (a - b) ^ b - {0, 6, 12, 18} - {20}, a & b <= a, a < a, a & b < b, c > c, set() <= c

# run: methods(16)
# expect: ({32, 2, 1, 4, 34, 6, 8, 10, 12, 48}, {2, 4, 6, 8, 10, 12, 14}, {0, 32, 2, 4, 6, 8, 10, 12, 14}, {32, 1, 14, 16, 48}, True, False, True)
def methods(n):
    s = {i for i in range(0, n, 2)}
    t = s.copy()
    t.update([32, 1], (34, 48), {0, 2})
    t.discard(0)
    t.discard(99)
    t.remove(14)
    u = s.union([16], {32})
    u.difference_update([16])
    d = t.symmetric_difference({16, 2, 4, 6, 8, 10, 12, 14, 34})
    return t, s.intersection(range(1, 17)), u, d, s.issubset(range(n)), s.issuperset([0, 1]), s.isdisjoint({1, 3})

# run: pops(40)
# expect: ([0, 1, 2, 3, 4, 5, 6, 7], {8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 37, 38, 39}, 32)
def pops(n):
    s = set()
    for i in range(n):
        s.add(i * 8 % n + i * 8 // n)
    taken = []
    for k in range(8):
        taken.append(s.pop())
    return taken, s, len(s)

# run: updates(30)
# expect: ({0, 3, 6, 9, 12, 15, 18, 21, 24, 27}, {1, 2, 4, 5, 7, 8, 10, 11, 13, 14, 16, 17, 19, 20, 22, 23, 25, 26, 28, 29}, {0, 3, 6, 9, 12, 15, 18, 21, 24, 27, 30}, {0, 3, 6, 9, 12, 15, 18, 21, 24, 27, 31})
def updates(n):
    a = set(range(n))
    b = set(range(n))
    a &= {i for i in range(n) if i % 3 == 0}
    b -= a
    c = a.copy()
    c |= {30}
    d = a.copy()
    d ^= {31}
    return a, b, c, d

# run: inplace_alias(10)
# expect: ({0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, True)
def inplace_alias(n):
    a = set(range(n))
    b = a
    a |= {10, 11, 12}
    return b, a is b

# run: visited(6)
# expect: (36, [(0, 0), (1, 0), (0, 1), (2, 0), (1, 1), (0, 2)])
def visited(n):
    seen = {(0, 0)}
    order = [(0, 0)]
    frontier = [(0, 0)]
    while frontier:
        nxt = []
        for p in frontier:
            for q in ((p[0] + 1, p[1]), (p[0], p[1] + 1)):
                if q[0] < n and q[1] < n and q not in seen:
                    seen.add(q)
                    order.append(q)
                    nxt.append(q)
        frontier = nxt
    return len(seen), order[:6]

# run: from_array(np.array([3.0, 1.0, 3.0, 2.5, 1.0]))
# expect: ({1.0, 2.5, 3.0}, 3)
def from_array(a):
    s = set(a)
    return s, len(s)

# run: from_dict(7)
# expect: ({0, 1, 16, 4, 36, 9, 25}, {0, 1, 4, 36, 9, 16, 25})
def from_dict(n):
    d = {}
    for i in range(n):
        d[i * i] = i
    s = set(d)
    t = {1, 2}
    t.update(d)
    t.difference_update({2})
    return s, t

# run: truth_len(3)
# expect: (False, True, 0, 3, True, False)
def truth_len(n):
    e = set()
    s = set(range(n))
    return bool(e), bool(s), len(e), len(s), not e, 5 in s

# run: empty_ops(4)
# expect: (set(), {0, 1, 2, 3}, set(), True, True, False, set())
def empty_ops(n):
    e = set()
    s = set(range(n))
    return e & s, e | s, s - s, e <= s, e == set(), e == s, e.copy()

# run: equality(5)
# expect: (True, False, True, False)
def equality(n):
    a = set(range(n))
    b = {4, 3, 2, 1, 0}
    return a == b, a != b, a != {1}, a == {0, 1}

# run: clear_reuse(20)
# expect: ({32, 64, 96}, 3)
def clear_reuse(n):
    s = set(range(n))
    s.clear()
    for i in range(3):
        s.add((i + 1) * 32)
    return s, len(s)

# run: sum_min_max(10)
# expect: (45, 0, 9, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 10)
def sum_min_max(n):
    s = {n - 1 - i for i in range(n)}
    return sum(s), min(s), max(s), sorted(s), len(list(s))

# run: helper_calls(12)
# expect: (4, {0, 8, 4})
def helper_calls(n):
    s = {i * 4 % n for i in range(n)}
    return count_even(s), s

def count_even(s):
    k = 0
    for x in s:
        if x % 2 == 0:
            k += 1
    return k + 1

# run: neg_and_big(3)
# expect: {2305843009213693951, 2305843009213693952, 1, 9223372036854775807, -1, -2, -4611686018427387904}
def neg_and_big(n):
    s = set()
    s.add(-1)
    s.add(-2)
    s.add(2 ** 61 - 1)
    s.add(2 ** 61)
    s.add(-(2 ** 62))
    s.add(9223372036854775807)
    s.add(n - 2)
    return s

# run: complex_keys(2)
# expect: {(-1-1j), (2+0j), 2j, (1+2j)}
def complex_keys(n):
    return {1 + 2j, 2j, complex(n, 0), -1 - 1j, 2 + 0j}

# run: remove_missing(3)
# expect-error: line 218: KeyError: 5
def remove_missing(n):
    s = set(range(n))
    s.discard(7)
    s.remove(5)
    return s

# run: remove_tuple(1)
# expect-error: line 226: KeyError: (1, 2.5)
def remove_tuple(n):
    s = {(n, 1.5)}
    s.remove((n, 1.5))
    s.remove((n, 2.5))
    return s

# run: pop_empty(2)
# expect-error: line 235: KeyError: 'pop from an empty set'
def pop_empty(n):
    s = set(range(n))
    a = s.pop()
    b = s.pop()
    c = s.pop()
    return a + b + c

# run: pop_untyped(2)
# expect-error: line 242: KeyError: 'pop from an empty set'
def pop_untyped(n):
    s = set()
    s.pop()
    return n

# run: consts(0)
# expect: ([[32, 0, 16, 8, 24], [65, 1, 33, 41, 9, 73, 17, 49, 25, 57], [11, 3]], [5, 37, 45, 13, 21, 29], {(17, 2), (1, 2), (25, 2), (9, 2)}, {2305843009213693951, 2305843009213693952, 4611686018427387904, -2305843009213693951, -2, -7, -1}, {0.1, 1.5, 2.5, 0.2, 0.3, 1e-300}, {(-0-1j), 1j, (2+3j)}, {False, True})
def consts(k):
    a = {8, 16, 24, 0, 32}
    b = {1, 9, 17, 25, 33, 41, 49, 57, 65, 73}
    c = {3, 11}
    out = [list(a), list(b), list(c)]
    d = [y + k for y in {5, 13, 21, 29, 37, 45}]
    e = {(1, 2), (9, 2), (17, 2), (25, 2)}
    f = {-1, -2, 2 ** 61, 2 ** 61 - 1, -(2 ** 61) + 1, 1 << 62, -7}
    return out, d, e, f, {0.1, 0.2, 0.3, 1.5, 2.5, 1e-300}, {1j, 2 + 3j, -1j}, {True, False}

# run: empty_slices(0)
# expect: ([], [], [], [])
def empty_slices(n):
    s = set()
    for i in range(n):
        s.add(i)
    a = []
    for i in range(n):
        a.append(i * 1.5)
    return list(s)[:8], list(a)[:3], a[1:], sorted(s)[:2]
