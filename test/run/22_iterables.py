# Section 10: builtins that consume an iterable: sum(), all(), any(), and min()/max() of one
# iterable, over generator expressions, arrays, ranges, zip/enumerate and tuples, in CPython's
# order (sum adds left to right from start; the first extreme stays; all/any stop early)
import numpy as np

# run: sums(np.array([0.1, 0.2, 0.3]))
# expect: (0.6000000000000001, 1.6, 10, 6.5, 0.6000000000000001)
def sums(a):
    return (sum(a), sum(a, 1.0), sum(range(5)), sum((1, 2.5, 3)), sum(a[i] for i in range(len(a))))

# NumPy scalars: a float32 array sums to a float32 (0 + float32 is float32, as in NumPy 2)
# run: sum_dtypes(np.array([0.1, 0.2], dtype=np.float32), np.array([1, 2, 3], dtype=np.int32))
# expect: (0.30000001192092896, 6, 2, 0.9000000357627869)
def sum_dtypes(f, i):
    return (sum(f), sum(i), sum(x > 1 for x in i), sum(f) * 3)

# run: gen_filters(np.array([3.0, -1.0, 4.0, -1.5, 5.0]), np.array([1.0, 2.0, 3.0, 4.0, 5.0]))
# expect: (40.0, -1.0, 32.0, 40.0)
def gen_filters(a, b):
    pos = sum(a[i] * b[i] for i in range(len(a)) if a[i] > 0)
    neg = sum(v for v in a if v < 0 if v > -1.2)
    pairs = sum(x * y for x, y in zip(a, b))
    idx = sum(i * v for i, v in enumerate(b))
    return (pos, neg, pairs, idx)

# run: nested_gen(5)
# expect: (35, 10)
def nested_gen(n):
    return (sum(i * j for i in range(n) for j in range(i)), sum(1 for i in range(n) for j in range(n) if i < j))

# the generator's variables are its own (Python 3): the function's x and i are untouched
# run: scope(np.array([1.0, 2.0]))
# expect: (6.0, 10, 2, -1)
def scope(a):
    x = 10
    i = -1
    s = sum(x * 2 for x in a)
    t = max(i for i in range(3))
    return (s, x, t, i)

# run: truth(np.array([1.0, 0.0, 3.0]))
# expect: (False, True, True, True, False, True, False)
def truth(a):
    return (all(a), any(a), all(x >= 0 for x in a), any(x > 2 for x in a), all(x > 5 for x in a),
            all(i < 3 for i in range(0)), any(i < 3 for i in range(0)))

# all/any stop at the first decisive element: the out-of-bounds index after it is never read
# run: early(np.array([1.0, 0.0, 2.0]))
# expect: (False, True)
def early(a):
    return (all(a[i] > 0 for i in range(10)), any(a[i] == 0.0 for i in range(10)))

# run: extremes(np.array([2.0, -3.0, 7.0, 7.0, -3.0]))
# expect: (7.0, -3.0, 7.0, -4, 2.0, 3)
def extremes(a):
    return (max(a), min(a), max(abs(x) for x in a), min(i * i - 4 * i for i in range(6)),
            max(v for v in a if v < 5), min(range(3, 9, 2)))

# NaN: comparisons are false, so the first element stays if it is NaN and NaNs after it are skipped
# run: nan_order(np.array([float('nan'), 1.0]), np.array([1.0, float('nan'), 0.5]))
# expect: (nan, nan, 1.0, 0.5)
def nan_order(a, b):
    return (max(a), min(a), max(b), min(b))

# run: empty_max(np.array([1.0, 2.0]))
# expect-error: line 68: ValueError: max() arg is an empty sequence
def empty_max(a):
    return max(v for v in a if v > 5)

# run: empty_min(np.array([1.0]))
# expect-error: line 73: ValueError: min() arg is an empty sequence
def empty_min(a):
    return min(a[:0])

# run: sum_complex(np.array([1 + 2j, 3 - 1j]))
# expect: ((4+1j), (5-2j), (4+2j))
def sum_complex(c):
    return (sum(c), sum(z * z for z in c), sum(c, 1j))

# a loop of the kernel's own around a generator
# run: norms(np.array([[3.0, 4.0], [6.0, 8.0]]))
# expect: [5.0, 10.0]
def norms(m):
    out = np.zeros(m.shape[0])
    for r in range(m.shape[0]):
        out[r] = sum(m[r, k] ** 2 for k in range(m.shape[1])) ** 0.5
    return out
