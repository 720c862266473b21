# Section 12: NumPy spellings real code uses: the comparison ufuncs (np.less & co.), np.transpose,
# np.average (without weights, NumPy's a.mean(axis))
import numpy as np

# run: cmp_ufuncs([1.0, 2.0, 3.0], [3.0, 2.0, 1.0])
# expect: (1, [False, True, True], True, 2, True, False, True, True, [False, True, True])
def cmp_ufuncs(a, b):
    return (np.less(a, b).sum(), np.greater_equal(a, 2.0), np.equal(a, a).all(), np.not_equal(a, b).sum(),
            np.less(1, 2), np.greater(a[0], 5), np.less_equal(a, b)[1], np.equal(3, 3.0), np.greater(a, b * 0.5))

# NumPy's comparison of a uint64 array with a negative int is exact, as the operator's
# run: cmp_unsigned(np.array([0, 5, 9223372036854775807], dtype=np.uint64))
# expect: (0, 3, [False, True, False], [True, True, False])
def cmp_unsigned(u):
    return (np.less(u, -1).sum(), np.greater(u, -1).sum(), np.equal(u, 5), np.not_equal(u, u[2]))

# a mask built with the ufunc spellings selects as the operators' would
# run: band_count([0.5, 1.5, 2.5, 3.5, 4.5], 1.0, 4.0)
# expect: 3
def band_count(x, lo, hi):
    return np.logical_and(np.greater_equal(x, lo), np.less(x, hi)).sum()

# run: transposes([[1.0, 2.0, 3.0], [4.0, 5.0, 7.0]])
# expect: ([[1.0, 4.0], [2.0, 5.0], [3.0, 7.0]], [2.0, 8.0], (3, 2), [1.0, 2.0, 3.0], 7.0, 17.0)
def transposes(a):
    t = np.transpose(a)
    return (t, np.transpose(a * 2)[0], np.transpose(a, None).shape, np.transpose(a[0]), t[2, 1], (t @ a)[0, 0])

# run: averages([[1.0, 2.0, 3.0], [4.0, 5.0, 7.0]])
# expect: (3.6666666666666665, [2.5, 3.5, 5.0], [[2.0], [5.333333333333333]], 2.0, 4.0, 3.6666666666666665)
def averages(a):
    return (np.average(a), np.average(a, 0), np.average(a, axis=1, keepdims=True), np.average(np.arange(5)),
            np.average(a[0] * 2), np.average(a, None, None, False))

# integers average in float64, as their mean does
# run: averages_int(np.array([[1, 2], [4, 8]], dtype=np.int32))
# expect: (3.75, [2.5, 5.0], 0.75)
def averages_int(a):
    return (np.average(a), np.average(a, axis=0), np.average(a > 1))

# np.round / np.around as NumPy computes them: rint(a * 10**d) / 10**d in a's own float type
# (so 1.25 rounds to 1.2: 12.5 is halfway and goes to even), integers copied
# run: rounds([0.5, 1.25, -2.5, 26.6, inf, nan])
# expect: ([0.0, 1.0, -2.0, 27.0, inf, nan], [0.5, 1.2, -2.5, 26.6, inf, nan], [0.0, 0.0, -0.0, 30.0, inf, nan], [1.5, 3.75, -7.5, 79.8, inf, nan], 2.0, -1.2, [0, 1, 2], 7, 0.5, [0.0, 1.0, -2.0, 27.0, inf, nan], -0.0)
def rounds(a):
    return (np.round(a), np.round(a, 1), np.around(a, -1), np.round(a * 3, 2), np.round(2.5), np.round(-1.25, 1),
            np.round(np.arange(3)), np.round(7), np.round(a, decimals=2)[0], np.rint(a), np.rint(-0.5))

# run: rounds_f32(np.array([0.5, 1.25, -2.5, 26.6], dtype=np.float32))
# expect: ([0.5, 1.2000000476837158, -2.5, 26.600000381469727], True, [0.0, 0.0, -0.0, 30.0], [0.0, 1.0, -2.0, 27.0])
def rounds_f32(a):
    return (np.round(a, 1), np.round(a, 1)[1] == np.float32(1.2), np.round(a, -1), np.rint(a))

# the result of rounding integers is a copy: writing it leaves the argument alone
# run: round_copy(np.array([1, 2, 3]))
# expect: ([1, 2, 3], [10, 2, 3])
def round_copy(a):
    r = np.round(a)
    r[0] = 10
    return (a, r)

# rounding to cents in a loop, fused with the arithmetic around it
# run: cents([10.004, 2.675, 1.005, -0.125])
# expect: (16.270000000000003, 16.270000000000003)
def cents(prices):
    total = 0.0
    for i in range(len(prices)):
        total += np.round(prices[i] * 1.2, 2)
    return (total, np.round(prices * 1.2, 2).sum())
