# Long lanes sort by a radix sort (rt/sort.c, 256 or more real numbers): the same order as the merge sort of shorter
# ones — equal keys in their first order, so argsort is stable, and -0.0 and 0.0 keep theirs, NaNs last in theirs with
# their own bits — on every dtype, along every axis of C, F and strided layouts. And a constant where one must be
# (an axis, a tuple index, a tuple slice) may be a name bound to one: a module constant, a variable assigned a
# literal outside any loop, a static argument (the test of that: test_package.py's test_static_axis).
import math

import numpy as np

AXIS = -1
FIRST = 1


def lcg_ints(n, m):
    a = np.empty(n, dtype=np.int64)
    x = 12345
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        a[i] = x % m - m // 2
    return a


# run: long_ints(1000)
# expect: ([-25, -25, -25, -25], [24, 24, 24, 24], 3138, True, True)
def long_ints(n):
    a = lcg_ints(n, 50)
    s = np.sort(a)
    g = np.argsort(a, kind="stable")
    stable = True
    for i in range(1, n):
        if a[g[i]] == a[g[i - 1]] and g[i] < g[i - 1]:
            stable = False
    return s[:4], s[-4:], int(np.sum(g[:10])), stable, bool(np.all(s[1:] >= s[:-1]))


# run: every_int_dtype(700)
# expect: ([(-128, 2, 127), (0, 124, 255), (-32659, 2012, 32763), (11, 31913, 65524), (-49980, 1064, 49694), (11, 49009, 4294967284)], 11, 604, 356, True, 0)
def every_int_dtype(n):
    a = lcg_ints(n, 100000)
    out = []
    for s in (np.sort(a.astype(np.int8)), np.sort(a.astype(np.uint8)), np.sort(a.astype(np.int16)),
              np.sort(a.astype(np.uint16)), np.sort(a.astype(np.int32)), np.sort(a.astype(np.uint32))):
        out.append((int(s[0]), int(s[n // 2]), int(s[-1])))
    u = np.sort(a.astype(np.uint64))
    b = np.sort(a > 0)
    return out, int(u[0]), int(u[-1] % np.uint64(1000)), int(np.sum(b)), bool(b[-1]), int(np.argsort(a > 0, kind="stable")[0])


# run: zeros_and_nans(600)
# expect: ([-inf, -3.5, -3.5], [-0.5, 0.0], [1.0, -1.0, 1.0, 1.0, -1.0, 1.0], [0, 2, 5, 10, 12, 15], True, 55, [2.5, 2.5, 2.5, 2.5, inf], [575, 586, 597])
def zeros_and_nans(n):
    a = lcg_ints(n, 7).astype(np.float64) - 0.5
    for i in range(0, n, 5):
        a[i] = 0.0
    for i in range(2, n, 5):
        a[i] = -0.0
    for i in range(3, n, 11):
        a[i] = math.nan
    a[7] = math.inf
    a[8] = -math.inf
    s = np.sort(a, kind="stable")
    g = np.argsort(a, kind="stable")
    k = int(np.searchsorted(s, 0.0))
    signs = [math.copysign(1.0, s[k + j]) for j in range(6)]
    f = np.sort(a.astype(np.float32))
    return s[:3], s[k - 1:k + 1], signs, g[k:k + 6], bool(math.isnan(s[-1])), int(np.sum(np.isnan(s))), f[-60:-55], g[-3:]


# run: along_axes(300)
# expect: ([[-500.0, -500.0, -498.0], [-499.0, -500.0, -492.0]], [[495.0, 499.0], [496.0, 499.0], [489.0, 498.0]], True, [[15, 49, 38], [22, 141, 43]], [498.0, 499.0, 499.0], [-498.0, -492.0, -491.0])
def along_axes(n):
    m = lcg_ints(3 * n, 1000).reshape(3, n).astype(np.float64)
    t = m.T
    f = np.asfortranarray(t)
    s0 = np.sort(t, axis=0)
    s1 = np.sort(m, axis=1)
    sf = np.sort(f, axis=0)
    g = np.argsort(t[::2], axis=0, kind="stable")
    flat = np.sort(t, axis=None)
    return s0[:2], s1[:, -2:], bool(np.array_equal(s0, sf)), g[:2], flat[-3:], np.sort(m, axis=AXIS)[2, :3]


# run: named_constants(3)
# expect: ([0.0, 1.0, 2.0, 3.0], [38.0, 22.0, 6.0], [0, 1, 2, 3], 20, (20, 30, 40), 10, [12.0, 15.0, 18.0, 21.0])
def named_constants(k):
    a = np.arange(12.0).reshape(3, 4)[::-1]
    ax = 0
    t = (10, 20, 30, 40)
    first = FIRST
    g = np.argsort(a, axis=FIRST, kind="stable")
    return np.sort(a, axis=ax)[0], np.sum(a, axis=AXIS), g[0], t[first], t[FIRST:], t[ax], np.cumsum(a, axis=ax)[-1]
