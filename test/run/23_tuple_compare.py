# Section 7: tuples as values: == and != item by item, < <= > >= in Python's lexicographic order
# (first differing pair, then length), `in` / `not in` on a tuple, nested tuples, None items,
# NumPy scalar items, and tuples in conditions of loops
import numpy as np

# run: eq_ne(1, 2)
# expect: (True, False, False, False, True, False, True)
def eq_ne(a, b):
    return ((a, b) == (1, 2), (a, b) != (1, 2), (a, b) == (1, 2, 3), (a,) == a, (a, b) != 5, (a, b) is None, () == ())

# run: eq_ne(1.0, 3)
# expect: (False, True, False, False, True, False, True)

# run: orders(1, 2)
# expect: (False, True, False, True, True, False, True)
def orders(a, b):
    return ((a, b) < (1, 2), (a, b) <= (1, 2), (a, b) > (1, 2), (a, b) >= (1, 2), (a,) < (a, b), (a, b) < (a,), () < (a,))

# run: orders(0, 5)
# expect: (True, True, False, False, True, False, True)

# run: orders(1, 1)
# expect: (True, True, False, False, True, False, True)

# run: orders(2.5, -1)
# expect: (False, False, True, True, True, False, True)

# run: member(2.5)
# expect: (True, True, False, False, True, False)
def member(x):
    return (x in (1, 2.5, 3), x not in (1, 2, 3), (x, 1) in ((2, 1), (3, 1)), x in (), x in (None, 2.5), None in (x,))

# run: member(3)
# expect: (True, False, True, False, False, False)

# run: member(-7)
# expect: (False, True, False, False, False, False)

# nested tuples compare item by item, recursively
# run: nested(1, 2, 3)
# expect: (False, True, False, True, True)
def nested(a, b, c):
    p = ((a, b), c)
    q = ((1, 2), 4)
    return (p == q, p < q, p > q, (a, (b, c)) <= (1, (2, 3)), (a, (b, c)) in ((0, (0, 0)), (1, (2, 3))))

# run: nested(1, 3, 0)
# expect: (False, False, True, False, False)

# NaN items are unequal, so the order falls to < of the NaN pair (false both ways)
# run: nan_items([nan, 1.0])
# expect: (True, False, False, False, True, True)
def nan_items(a):
    x = a[0]
    y = a[1]
    return ((x, 1) == (x, 1), (y, x) < (y, 2.0), (y, x) > (y, 2.0), (y, 1.0) < (y, x), x in (x, y), y in (x, y))

# NumPy scalars and Python numbers in one tuple; a uint64 and a negative int compare exactly
# run: mixed_dtypes(np.array([3, 4], dtype=np.uint64), np.array([0.5], dtype=np.float32))
# expect: (True, True, False, True, True)
def mixed_dtypes(u, f):
    return ((u[0], f[0]) == (3, 0.5), (u[0], -1) < (3, 0), (-1, u[1]) < (-1, 4), u[1] in (-4, 4), f[0] in (0.5,))

# lexicographic order drives a loop: count the cells (i, j) before (r, c) in row-major order
# run: cells_before(3, 4, 5)
# expect: 19
def cells_before(r, c, w):
    n = 0
    for i in range(10):
        for j in range(w):
            if (i, j) < (r, c):
                n += 1
    return n

# a tuple of allowed values as a filter, as in a stencil that skips some offsets
# run: skip_offsets([0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0])
# expect: 116.0
def skip_offsets(a):
    s = 0.0
    for i in range(2, len(a) - 2):
        for d in range(-2, 3):
            if d not in (0, -1):
                s += a[i + d] * d
    return s

# a running best kept as a (score, index) pair: ties broken by the smaller index, as max() of pairs would
# run: best_pair(np.array([3.0, 7.0, 1.0, 7.0, 2.0]))
# expect: (7.0, 1)
def best_pair(a):
    best = (a[0], 0)
    for i in range(1, len(a)):
        cand = (a[i], -i)
        if cand > (best[0], -best[1]):
            best = (a[i], i)
    return best

# chained comparisons of tuples
# run: chained(2)
# expect: (True, True, True)
def chained(k):
    return ((0, 0) < (k, 0) < (3, 0), (1, k) <= (1, 2) <= (1, k), (k,) == (k,) != (k + 1,))

# run: chained(5)
# expect: (False, False, True)

# `in` on an array is NumPy's (a == x).any(): any element equal, a Python bool, over any rank
# run: in_array([[1.0, 2.0], [3.0, 4.0]], 2.0)
# expect: (True, False, True, True, True, False, False)
def in_array(a, x):
    return (x in a, x not in a, x in a * 2, (x + 1) in a[1:], 3 in a, 5 in a, np.nan in a)

# run: in_array([[1.0, 2.0], [3.0, 4.0]], 7.5)
# expect: (False, True, False, False, True, False, False)

# the values of a range that occur in an integer array (a set-membership idiom)
# run: present([1, 3, 5, 5, 9], 7)
# expect: 9
def present(a, n):
    s = 0
    for v in range(n):
        if v in a:
            s += v
    return s
