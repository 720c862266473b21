# Sections 12e-12g: sorting and selection, indexing with arrays and masks, array constructors
import numpy as np

# run: sorts([3.0, nan, 1.0, -2.0, 5.0, 0.5])
# expect: ([-2.0, 0.5, 1.0, 3.0, 5.0, nan], [3, 5, 2, 0, 4, 1], 1.0, 4, [-2.0, 0.5, 1.0, 3.0, 5.0, nan], [-2.0, 0.5, 1.0, 3.0, 5.0, nan], [3, 5, 2, 0, 4, 1])
def sorts(a):
    b = a.copy()
    b.sort()
    return (np.sort(a), np.argsort(a), np.partition(a, 2)[2], np.argpartition(a, -2)[-2], b, np.sort(a, axis=None), a.argsort())

# run: sorts2([[3, 1, 2], [6, 5, 4]])
# expect: ([[1, 2, 3], [4, 5, 6]], [[3, 1, 2], [6, 5, 4]], [[0, 0, 0], [1, 1, 1]], [1, 2, 3, 4, 5, 6], [[1, 2, 3], [4, 5, 6]], [0, 1])
def sorts2(m):
    return (np.sort(m), np.sort(m, axis=0), np.argsort(m, axis=0), np.sort(m, axis=None), np.sort(m[:, ::-1], kind="stable"), np.argsort(m.T)[1])

# run: partition_kth([5, 1, 4, 2, 3], 7)
# expect-error: line 19: ValueError: kth(=7) out of bounds (5)
def partition_kth(a, k):
    return np.partition(a, k)

# run: topk([0.3, 0.9, 0.1, 0.7, 0.5, 0.8], 3)
# expect: ([1, 5, 3], [0.9, 0.8, 0.7], [0.9, 0.8, 0.7])
def topk(x, k):
    idx = np.argpartition(x, -k)[-k:]
    top = idx[np.argsort(-x[idx])]
    return (top, x[top], np.sort(np.partition(x, -k)[-k:])[::-1])

# run: nonzero([[0, 3, 0], [1, 0, 2]])
# expect: ([0, 1, 1], [1, 0, 2], ([0, 1], [1, 2]), ([1],), [1, 0, 2], (0,))
def nonzero(m):
    r, c = np.nonzero(m)
    return (r, c, np.where(m > 1), np.nonzero(m[0]), m.nonzero()[1], np.where(m > 9)[0].shape)

# run: take([1.0, 2.0, 3.0, 4.0], [3, 0, -1, 0])
# expect: ([4.0, 1.0, 4.0, 1.0], [9.0, 3.0, 9.0, 3.0], [1.0, 4.0, 1.0, 4.0], [4.0, 3.0, 2.0, 1.0], [2.0, 1.0, 2.0, 1.0])
def take(a, idx):
    return (a[idx], a[idx] * 2 + 1, a[idx[::-1]], a[np.argsort(-a)], a[idx % 2])

# run: take_oob([1.0, 2.0, 3.0], [0, 3])
# expect-error: line 42: IndexError: index 3 is out of bounds for axis 0 with size 3
def take_oob(a, idx):
    return a[idx]

# run: scatter([1.0, 2.0, 3.0, 4.0], [3, 0, 0])
# expect: ([-1.0, 2.0, 3.0, -1.0], [30.0, 2.0, 3.0, 10.0], [101.0, 2.0, 3.0, 104.0], [2.0, 2.0, 3.0, 4.0])
def scatter(a, idx):
    b = a.copy()
    b[idx] = -1.0
    c = a.copy()
    c[idx] = a[:3] * 10
    d = a.copy()
    d[idx] += 100.0
    e = a.copy()
    e[idx] = e[::-1][:3]
    return (b, c, d, e)

# run: masks([1.0, 2.0, 3.0, 4.0])
# expect: ([3.0, 4.0], [1.0, 2.0, 0.0, 0.0], [11.0, 2.0, 3.0, 4.0], [1.0, 4.0, 6.0, 8.0], [], [[1.0, 5.0, 1.0], [1.0, 1.0, -5.0]], [1.0, 5.0, 1.0, 1.0, 1.0], 5.0)
def masks(a):
    b = a.copy()
    b[b > 2.0] = 0.0
    c = a.copy()
    c[c < 2.0] += 10.0
    e = a.copy()
    e[a > 1.0] = a[a > 1.0] * 2
    m = np.zeros((2, 3))
    m[0, 1] = 5.0
    m[1, 2] = -5.0
    m[m == 0.0] = 1.0
    return (a[a > 2.0], b, c, e, a[a > 100.0], m, m[m > 0.0], a[(a > 1.0) & (a < 4.0)].sum())

# run: mask_shape([1.0, 2.0, 3.0], [True, False])
# NumPy's message names the axis and both sizes
# expect-error: line 76: IndexError: boolean index did not match indexed array along axis 0; size of axis is 3 but size of corresponding boolean axis is 2
def mask_shape(a, m):
    return a[m]

# run: mask_count([1.0, 2.0, 3.0])
# expect-error: line 81: ValueError: NumPy boolean array indexing assignment cannot assign 2 input values to the 1 output values where the mask is true
def mask_count(a):
    a[a > 2.0] = a[:2]
    return a

# run: ranges(3, 2.5)
# expect: ([0, 1, 2, 3, 4], [0.1, 0.2, 0.30000000000000004, 0.4, 0.5, 0.6, 0.7000000000000001, 0.8, 0.9], [1.0, 1.3, 1.6, 1.9000000000000001], [10, 7, 4, 1], [0.0, 1.0, 2.0], [0.0, 1.0, 2.0], [], [-2.5, -1.0, 0.5, 2.0], [0.0, 0.16666666666666666, 0.3333333333333333, 0.5, 0.6666666666666666, 0.8333333333333333, 1.0], [2.0, 2.25, 2.5, 2.75], [0.0], [], [-1.0, -0.5, 0.0, 0.5, 1.0])
def ranges(n, x):
    return (np.arange(5), np.arange(0.1, 1.0, 0.1), np.arange(1, 2, 0.3), np.arange(10, 0, -3), np.arange(n, dtype=np.float64),
            np.arange(x), np.arange(5, 1), np.arange(-x, x, 1.5), np.linspace(0, 1, 7), np.linspace(2, 3, 4, endpoint=False),
            np.linspace(0, 1, 1), np.linspace(0, x, 0), np.linspace(-1.0, 1.0, num=5))

# run: arange_zero(0)
# expect-error: line 94: ZeroDivisionError: division by zero
def arange_zero(s):
    return np.arange(0, 5, s)

# run: eyes(3)
# expect: ([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]], [[0.0, 1.0, 0.0], [0.0, 0.0, 1.0]], [[0, 0, 0], [1, 0, 0], [0, 1, 0]], [[0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0]], (0, 0), 0.0)
def eyes(n):
    return (np.eye(n), np.eye(2, 3, 1), np.eye(n, k=-1, dtype=np.int64), np.eye(2, 4, -3), np.eye(0).shape, np.eye(n, 2, 5).sum())

# run: joins([1.0, 2.0, 4.0], [[1, 2], [3, 4]])
# expect: ([1.0, 2.0, 4.0], [1.0, 2.0, 4.0, 2.0, 4.0, 8.0], [[1, 2, 1, 2], [3, 4, 3, 4]], [[1, 2], [3, 4], [1, 2], [1, 2], [3, 4]], [[1.0, 2.0, 4.0], [2.0, 3.0, 5.0]], [[1.0, 1.0], [2.0, 2.0], [4.0, 4.0]], (2, 2, 2), [1.0, 2.0, 4.0, 1.0, 2.0])
def joins(a, m):
    return (np.copy(a), np.concatenate((a, a * 2)), np.concatenate((m, m), axis=1), np.concatenate((m, m[:1], m), axis=0),
            np.stack((a, a + 1)), np.stack((a, a), axis=1), np.stack((m, m), axis=-1).shape, np.concatenate((a, m[0])))

# run: join_bad([[1, 2], [3, 4]], [[1, 2, 3]])
# expect-error: line 110: ValueError: all the input array dimensions except for the concatenation axis must match exactly, but along dimension 1, the array at index 0 has size 2 and the array at index 1 has size 3
def join_bad(a, b):
    return np.concatenate((a, b))

# run: rolls([1.0, 2.0, 4.0], [[1, 2], [3, 4]])
# expect: ([4.0, 1.0, 2.0], [2.0, 4.0, 1.0], [[2, 1], [4, 3]], [[3, 4], [1, 2]], [[3, 4], [1, 2]], [], [1.0, 4.0, 2.0])
def rolls(a, m):
    return (np.roll(a, 1), np.roll(a, -7), np.roll(m, 1, axis=1), np.roll(m, 2), np.roll(m, -1, axis=0), np.roll(a[:0], 3), np.roll(a[::-1], 1))

# run: diffs([1.0, 2.0, 4.0, 7.0], [[1, 2], [3, 5]])
# expect: ([1.0, 2.0, 3.0], [[2, 3]], [1.0, 1.0], [False, True, False], [[1], [2]], [1.0, 2.0, 4.0, 7.0], [])
def diffs(a, m):
    return (np.diff(a), np.diff(m, axis=0), np.diff(a, 2), np.diff(a > 2.0), np.diff(m), np.diff(a, 0), np.diff(a[:1]))

# run: tiles([1, 2, 3], [[1, 2], [3, 4]])
# expect: ([1, 2, 3, 1, 2, 3], [[1, 2, 3, 1, 2, 3], [1, 2, 3, 1, 2, 3]], [[1, 2, 1, 2], [3, 4, 3, 4]], [1, 1, 2, 2, 3, 3], [1, 1, 2, 2, 3, 3, 4, 4], [[1, 2], [1, 2], [3, 4], [3, 4]], [[1, 1, 1, 2, 2, 2], [3, 3, 3, 4, 4, 4]], [], [3, 2, 1], (1, 4, 2))
def tiles(a, m):
    return (np.tile(a, 2), np.tile(a, (2, 2)), np.tile(m, 2), np.repeat(a, 2), np.repeat(m, 2), np.repeat(m, 2, axis=0),
            np.repeat(m, 3, axis=1), np.tile(a, 0), np.repeat(a[::-1], 1), np.tile(m.T, (1, 2, 1)).shape)

# run: mask_alias([1.0, 3.0, 4.0, 2.0])
# expect: ([1.0, 2.0, 4.0, 2.0], [1, 1, 3, 3, 5, 5])
def mask_alias(a):
    a[a > 2.0] = a[::-1][:2]
    b = np.arange(6)
    b[b % 2 == 0] = b[1::2]
    return (a, b)

# complex arrays sort as NumPy sorts them: by real parts, then imaginary parts; NaNs last
# run: complex_sorts([2.0, 1.0, nan, 1.0, -inf, 0.0, 1.0, nan], [0.0, 1.0, 0.0, nan, 5.0, -1.0, -1.0, nan])
# expect: ([(-inf+5j), -1j, (1-1j), (1+1j), (2+0j), (1+nanj), (nan+0j), (nan+nanj)], [4, 5, 6, 1, 0, 3, 2, 7], [(-inf+5j), -1j, (1-1j), (1+1j), (2+0j), (1+nanj), (nan+0j), (nan+nanj)], [[(-inf+5j), -1j, (1-1j), (1+nanj)], [(2+0j), (1+1j), (nan+0j), (nan+nanj)]], [(-inf+5j), -1j, (1-1j), (1+1j), (2+0j), (1+nanj), (nan+0j), (nan+nanj)], (1-1j), [[1, 0, 3, 2], [0, 1, 2, 3]])
def complex_sorts(re, im):
    z = np.zeros(re.shape[0], dtype=np.complex128)
    for i in range(re.shape[0]):
        z[i] = complex(re[i], im[i])
    m = z.reshape(2, 4)
    b = z.copy()
    b.sort()
    return (np.sort(z), np.argsort(z), np.sort(z.astype(np.complex64)), np.sort(m, axis=0), b, np.partition(z, 2)[2], np.argsort(m, axis=1))

# constructors with NumPy's positional parameters: zeros(shape, dtype, order), full(shape, fill_value,
# dtype), zeros_like(a, dtype), arange(start, stop, step, dtype)
# run: ctor_positional(3)
# expect: (0.10000000149011612, 6, 8, 1.5, (2, 3), 0.0, 0.6666666865348816)
def ctor_positional(n):
    z = np.zeros(n, np.float32, 'C')
    o = np.ones((2, n), np.int32)
    f = np.full(n, 7, np.uint8)
    e = np.empty(n, float)
    zl = np.zeros_like(o, np.float64)
    r = np.arange(0, n, 1, np.float32)
    e[:] = 1.5
    return (z[0] + 0.1, o.sum(), f[2] + 1, e[1], zl.shape, zl[1, 2], r[2] / 3)
