# prange loops (docs/parallel.md): the body runs over chunks fixed by the trip count, reductions combine in
# chunk order, and every tier and thread count gives the same bits. Float data here is integer-valued, so
# the chunked sums equal CPython's serial ones; chunked_order pins a sum whose order shows.
import numpy as np

# run: psum(1000)
# expect: 499500.0
def psum(n):
    a = np.arange(n) * 1.0
    s = 0.0
    for i in prange(len(a)):
        s += a[i]
    return s

# run: int_reductions(np.array([3, 5, 6, 9, 12, 7, 1, 2, 8, 4]))
# expect: (57, 15, 13, 0, 1, 12, 362880)
def int_reductions(a):
    s = 0
    o = 0
    x = 0
    nd = -1
    lo = 1 << 40
    hi = -(1 << 40)
    p = 1
    for i in prange(a.shape[0]):
        s += a[i]
        o |= a[i]
        x ^= a[i]
        nd &= a[i] & 1
        lo = min(lo, a[i])
        hi = max(a[i], hi)
        if a[i] < 10:
            p *= a[i]
    return s, o, x, nd, lo, hi, p

# run: count_and_sum(100.0)
# expect: (201, 20100.0, 250)
def count_and_sum(limit):
    a = np.arange(-50.0, 250.0)
    n = 0
    s = 0.0
    k = 0
    for i in prange(len(a)):
        if a[i] < 0:
            continue
        t = a[i] * 0.5
        if t > limit:
            continue
        n += 1
        s = s + a[i]
        k = max(k, i)
    return n, s, k

# run: widen(np.array([0.5, 1.5, 2.5, 3.5]))
# expect: 8.0
def widen(a):
    s = 0
    for i in prange(4):
        s += a[i]
    return s

# run: steps(20)
# expect: (70, 77, 0, 7)
def steps(n):
    up = 0
    down = 0
    none = 0
    cnt = 0
    for i in prange(1, n, 3):
        up += i
    for j in prange(n, 0, -3):
        down += j
        cnt += 1
    for k in prange(n, n):
        none += 1
    return up, down, none, cnt

# run: grid(3, 4)
# expect: [[0.0, 1.0, 2.0, 3.0], [10.0, 11.0, 12.0, 13.0], [20.0, 21.0, 22.0, 23.0]]
def grid(m, n):
    out = np.zeros((m, n))
    for i in prange(m):
        for j in prange(n):
            out[i, j] = 10.0 * i + j
    return out

# run: row_norms(np.array([[0.0, 1.0, 2.0, 3.0], [4.0, 5.0, 6.0, 7.0], [8.0, 9.0, 10.0, 11.0]]))
# expect: [14.0, 126.0, 366.0]
def row_norms(a):
    out = np.empty(a.shape[0])
    for i in prange(a.shape[0]):
        acc = 0.0
        for j in range(a.shape[1]):
            acc += a[i, j] * a[i, j]
        out[i] = acc
    return out

# run: captures(np.array([0.0, 1.0, 2.0, 3.0, 4.0, 5.0]), (2.0, 3.0), 4)
# expect: (12.0, 66.0)
def captures(a, ab, k):
    sa = 0.0
    sb = 0.0
    for i in prange(k):
        sa += a[i] * ab[0]
        sb += (a[i] + k) * ab[1]
    return sa, sb

# run: csum(np.array([1.0, 2.0, 3.0]))
# expect: (6+3j)
def csum(a):
    z = 0j
    for i in prange(len(a)):
        z += complex(a[i], 1.0)
    return z

# run: empty_loop(0)
# expect: (7.5, 1)
def empty_loop(n):
    a = np.zeros(n)
    s = 7.5
    p = 1
    for i in prange(len(a)):
        s += a[i]
        p *= 2
    return s, p

# run: gather(np.array([0.0, 1.0, 2.0, 3.0, 4.0]), np.array([0, 9, 2, 7, 4]))
# expect-error: line 132: IndexError: index 9 is out of bounds for axis 0 with size 5
def gather(a, idx):
    out = np.zeros(len(idx))
    for i in prange(len(idx)):
        out[i] = a[idx[i]]
    return out

# run: raise_lowest(300)
# expect-error: line 141: ValueError: bad 37
def raise_lowest(n):
    out = np.zeros(n)
    for i in prange(n):
        if i % 37 == 0 and i > 0:
            raise ValueError("bad 37")
        out[i] = i
    return out.sum()

# run: zero_step(5)
# expect-error: line 149: ValueError: range() arg 3 must not be zero
def zero_step(k):
    s = 0
    for i in prange(0, 10, k - 5):
        s += i
    return s

# cpython: skip (kiln sums in chunks: 157 chunks of 63 or 64 iterations, each from -0.0, combined left to right)
# run: chunked_order(10000)
# expect: 9.787606036044371
def chunked_order(n):
    s = 0.0
    for i in prange(n):
        s += 1.0 / (i + 1)
    return s

# prange where it is not a for loop's iterable runs as range: under enumerate, in sum() and comprehensions
# run: as_range(4)
# expect: (14, 6, [0, 2, 4, 6])
def as_range(n):
    t = 0
    for i, j in enumerate(prange(n)):
        t += i * j
    return t, sum(prange(n)), [i * 2 for i in prange(n)]

# a temporary's name used again after the loop, given a fresh value first: allowed
# run: reuse_name(np.array([1.0, 2.0, 3.0]))
# expect: 9.0
def reuse_name(a):
    out = np.zeros(len(a))
    for i in prange(len(a)):
        t = a[i] * 2.0
        out[i] = t
    t = 5.0
    return t + out[1]

# bool reductions with | and &
# run: bools(np.array([1.0, 2.0, -3.0]))
# expect: (True, False)
def bools(a):
    anyneg = False
    allpos = True
    for i in prange(len(a)):
        anyneg |= a[i] < 0
        allpos &= a[i] > 0
    return anyneg, allpos

# a private accumulator per iteration, reduced across iterations
# run: inner_red(np.array([[1.0, 5.0], [7.0, 2.0], [0.5, 0.25]]))
# expect: 12.5
def inner_red(m):
    total = 0.0
    for i in prange(m.shape[0]):
        rowmax = -1e300
        for j in range(m.shape[1]):
            rowmax = max(rowmax, m[i, j])
        total += rowmax
    return total

# a parallel loop inside a while loop, its reduction carried by the while loop
# run: in_while(40)
# expect: (160.0, 120.0)
def in_while(n):
    out = np.zeros(n)
    k = 0
    s = 0.0
    while k < 3:
        for i in prange(n):
            out[i] += k
            s += out[i]
        k += 1
    return s, out.sum()

# rows written as slices, another kernel called from the body
# run: rows_and_calls(np.array([[1.0, 2.0], [3.0, 4.0]]))
# expect: (20.0, 34.0)
def rows_and_calls(m):
    out = np.zeros_like(m)
    s = 0.0
    for i in prange(m.shape[0]):
        out[i, :] = m[i, :] * 2.0
        s += helper(m[i, 0]) + helper(m[i, 1])
    return out.sum(), s

def helper(x):
    return x * x + 1.0

# a uint8 sum wraps as NumPy's does, in any order
# run: uint_red(np.array([200, 100, 50], dtype=np.uint8))
# expect: 94
def uint_red(a):
    s = np.uint8(0)
    for i in prange(len(a)):
        s += a[i]
    return s

# run: pnames(2000)
# expect: (['k0', 'k1', 'k2'], 'k1999', [1999, 5], 8890)
def pnames(n):
    names = ["" for _ in range(n)]
    rows = [[0] for _ in range(n)]
    for i in prange(n):
        names[i] = "k" + str(i)
        rows[i] = [i, len(names[i])]
    return names[:3], names[-1], rows[1999], sum([len(s) for s in names])
