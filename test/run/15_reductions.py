# Section 12c: reductions (NumPy's summation order) and scans
import math
import numpy as np

def wave(n, m):
    a = np.zeros((n, m))
    for i in range(n):
        for j in range(m):
            a[i, j] = math.sin(i * 0.37 + j * 1.3) * 1000.0
    return a

# run: basics([3.0, 1.0, 4.0, 1.5, 9.0])
# expect: (18.5, 18.5, 162.0, 3.7, 8.16, 3.1937438845342623, 1.0, 9.0, 1, 4, True, True)
def basics(a):
    return (np.sum(a), a.sum(), a.prod(), np.mean(a), a.var(), a.std(ddof=1), a.min(), np.max(a), a.argmin(), np.argmax(a), a.all(), np.any(a))

# run: axes([[1, 2, 3], [4, 5, 6]])
# expect: ([5, 7, 9], [6, 15], [[6], [15]], [4, 5, 6], [2, 2], 3.5, [6, 15], 14, [[21]], [0, 0, 0], 720, [[1, 3], [4, 6]])
def axes(m):
    return (m.sum(axis=0), m.sum(axis=1), m.sum(axis=-1, keepdims=True), np.max(m, axis=0), m.argmax(axis=1), m.mean(axis=(0, 1)),
            m.T.sum(axis=0), m[:, ::2].sum(), m.sum(axis=(0, 1), keepdims=True), m.argmin(axis=0), m.prod(), np.amax(m.reshape(2, 1, 3), axis=1)[:, ::2])

# numpy: >=2.4 (NumPy 2.4's summation order; older iterators group the rows differently)
# run: pairwise(1000, 37)
# expect: (-2101.814416925701, -4509.325726893754, -1419.1258712441643, (967.1456398865226, -170.74280751287017, -1458.9509423914312, 355.31342829291407, -0.05680579505204598), 37000)
def pairwise(n, m):
    a = wave(n, m)
    s0 = a.sum(axis=0)
    return (a.sum(), a[1:, 1:].sum(), a.ravel()[::3].sum(), (s0[0], a.sum(axis=1)[5], a.T.sum(axis=0)[9], a[::7].sum(axis=1)[3], a.mean()), a.size)

# numpy: >=2.4 (NumPy 2.4's summation order; older iterators group the rows differently)
# run: grouped(300, 41)
# expect: (-1661.2940485967501, 4078.2834055182016, -297.2823794545643)
def grouped(n, m):
    a = wave(n, m)
    return (a[:, 1:].sum(), a[2:, :-1].sum(), a.reshape(n, 1, m)[::2, :, 1:].sum())

# numpy: >=2.4 (NumPy 2.4's summation order; older iterators group the rows differently)
# run: stats(200, 30)
# expect: (707.0752811188596, 500038.7929681424, (695.2188409598269, 734.6758471741821), 506591.8120433547, 494629.183257765)
def stats(n, m):
    a = wave(n, m)
    v = a.var(axis=0)
    return (a.std(), a.var(ddof=1), (a.std(axis=1)[0], a[1:].std(axis=1, ddof=2)[5]), v[3], a.T.var(axis=1)[7])

# numpy: >=2.4 (NumPy 2.4's summation order; older iterators group the rows differently)
# run: float32_sum(500, 33)
# expect: (-80.46728515625, -5875.69189453125, 623.0011596679688, -0.004876805003732443)
def float32_sum(n, m):
    a = wave(n, m)
    b = np.zeros((n, m), dtype=np.float32)
    b[:, :] = a
    return (b.sum(), b[1:, 1:].sum(), b.sum(axis=1)[1], b.mean())

# run: ints([1, 2, 3], [250, 10, 7])
# expect: (6, 6, 267, 17500, 2.0, 0.6666666666666666, [1, 3, 6], [250, 2500, 17500], 2)
def ints(a, b):
    c = np.zeros(3, dtype=np.uint8)
    c[:] = b
    d = np.zeros(3, dtype=np.int8)
    d[:] = a
    return (a.sum(), d.sum(), c.sum(), c.prod(), d.mean(), a.var(), np.cumsum(a), c.cumprod(), d.argmax())

# run: bools([True, False, True])
# expect: (2, False, True, 1, [1, 1, 2], 0.6666666666666666)
def bools(b):
    return (b.sum(), b.all(), b.any(), b.argmin(), b.cumsum(), b.mean())

# run: nans([1.0, nan, 3.0, nan])
# expect: (nan, nan, nan, 1, 1, nan, [1.0, nan, nan, nan], 4.0)
def nans(a):
    return (a.sum(), a.max(), a.min(), a.argmax(), a.argmin(), a.mean(), a.cumsum(), a[::2].sum())

# run: zeros_sign([-0.0, -0.0, -0.0])
# expect: (0.0, -0.0, -0.0, -0.0, 0.0)
def zeros_sign(a):
    return (a.sum(), a.max(), a.min(), a.prod(), a.mean() + 0.0)

# run: empty_reduce([])
# expect: (0.0, 1.0, nan, False, True, [], (0,))
def empty_reduce(a):
    return (a.sum(), a.prod(), a.mean(), a.any(), a.all(), a.cumsum(), np.zeros((0, 3)).sum(axis=1).shape)

# run: empty_max([])
# expect-error: line 87: ValueError: zero-size array to reduction operation maximum which has no identity
def empty_max(a):
    return a.max()

# run: empty_argmin([])
# expect-error: line 92: ValueError: attempt to get argmin of an empty sequence
def empty_argmin(a):
    return np.argmin(a)

# run: scans([[1, 2], [3, 4], [5, 6]])
# expect: ([1, 3, 6, 10, 15, 21], [[1, 2], [4, 6], [9, 12]], [[1, 3], [3, 7], [5, 11]], [[1, 2], [3, 8], [15, 48]], [1, 2, 6, 24, 120, 720])
def scans(m):
    return (m.cumsum(), np.cumsum(m, axis=0), m.cumsum(axis=-1), np.cumprod(m, axis=0), m.cumprod())

# run: softmax([[1.0, 2.0, 3.0], [1.0, 1.0, 1.0]])
# expect: [[0.09003057317038046, 0.24472847105479764, 0.6652409557748218], [0.3333333333333333, 0.3333333333333333, 0.3333333333333333]]
def softmax(x):
    e = np.exp(x - x.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)

# run: of_expr([1.0, 2.0, 3.0], [4.0, 5.0, 6.0])
# expect: (32.0, 3.0, 15.0)
def of_expr(a, b):
    return (np.sum(a * b), (b - a).mean(), np.max(a + b * 2))

# run: fortran_order(np.asfortranarray([[1.5, 2.25, 3.0], [4.0, 5.5, 6.125]]))
# expect: (22.375, [5.5, 7.75, 9.125], 16.875, [[18.25, 25.375, 29.0], [25.375, 35.3125, 40.4375], [29.0, 40.4375, 46.515625]], [[4.0, 5.5, 6.125], [1.5, 2.25, 3.0]], [1.5, 2.25, 3.0, 4.0, 5.5, 6.125], [[1.5, 2.25, 3.0], [4.0, 5.5, 6.125]], [[4.5, 6.75, 9.0], [12.0, 16.5, 18.375]], 2.773003472222222, [2.25, 5.208333333333333])
def fortran_order(m):
    return (m.sum(), m.sum(axis=0), m[:, 1:].sum(), m.T @ m, m[::-1], m.ravel(), np.sort(m, axis=0), m * 2 + m.T.T, m.var(), m.mean(axis=1))

# numpy: >=2.4 (NumPy 2.4's summation order; older iterators group the rows differently)
# run: fortran_big(60, 70)
# expect: (6297.479606008435, 957.5108307884934, -512.9556604705932, 3158.435412254614, 6297.479606008435, 707.1052098405496)
def fortran_big(n, m):
    a = wave(n, m).T.copy().T
    return (a.sum(), a[3:, 5:].sum(), a.sum(axis=1)[7], a.sum(axis=0)[9], a.T.sum(), a.std())

# run: fused_reductions([1, 2, 3], [4, 5, 6], [1.0, nan, -0.0], [0.5, 2.0, 0.0])
# expect: (32, 315, True, True, -3, 8, nan, -1.0, 0.0, -0.0, False, False, 2)
def fused_reductions(i, j, a, b):
    return (np.sum(i * j), np.prod(i + j), np.any(a > 0.75), np.all(i < j), np.max(i - j), np.min(j * 2),
            np.max(a * b), np.min(b - 1.0), np.max(b * 0.0), np.min(-b * 0.0), np.any(i > 10), np.all(a == a), np.sum(i > 1))

# run: fused_empty_max([])
# expect-error: line 131: ValueError: zero-size array to reduction operation maximum which has no identity
def fused_empty_max(a):
    return np.max(a * 2.0)

# run: method_on_expr([1, 2, 3], [4, 5, 6])
# expect: (32, True, -3, 9.0, 7.0, 2, [1, 3, 6], 4.0, [9], [0, 1, 2], 32.0)
def method_on_expr(a, b):
    return ((a * b).sum(), (a > 1).any(), (a - b).max(), (a * 1.5).sum(), (a + b).mean(), (a * b).argmax(), (a + 0).cumsum(),
            (a * 2.0).var(ddof=1), (b - a).reshape(3, 1).sum(axis=0), np.sort(b - a * 2), (a * b).astype(np.float64).sum())

# run: int_axes([[9223372036854775807, 1, -5], [1, 2, 3], [-4, 7, 1099511627776]], np.array([[2147483647, -2147483648, 5], [2147483647, 3, -1]], dtype=np.int32))
# expect: ([9223372036854775804, 10, 1099511627774], [9223372036854775803, 6, 1099511627779], [-9223372036854775803, 6, -30786325577728], [9223372036854775807, 1099511627776], [-4, 1, -5], [4294967294, -2147483645, 4], [2147483647, 2147483647], [-1, -2147483648, 2147483647], [[4], [2147483649]], [4611686014132420609, -6442450944, -5])
def int_axes(a, b):
    # the runtime's typed integer loops: int64 sums and products wrap, int32 sums widen to int64,
    # max/min along either axis and through reversed, strided and transposed views
    return (a.sum(axis=0), a.sum(axis=1), a.prod(axis=1), a[::-1, ::2].max(axis=0), a.T.min(axis=1), b.sum(axis=0),
            b.max(axis=1), b[:, ::-1].min(axis=0), b.sum(axis=1, keepdims=True), b.prod(axis=0))

# run: complex_reductions([[1+2j, -3.5j, 0.25], [2-1j, 1e300+1e300j, -0.0-0.0j]], [-0.0, 0.0, 3.0])
# expect: ((1e+300+1e+300j), [(3+1j), (1e+300+1e+300j), (0.25+0j)], [[(1.25-1.5j)], [(1e+300+1e+300j)]], [(1.75-0.875j), (-0+0j)], (1.6666666666666668e+299+1.6666666666666668e+299j), [(1.5+0.5j), (5e+299+5e+299j), (0.125+0j)], [(1+2j), (1-1.5j), (1.25-1.5j), (3.25-2.5j), (1e+300+1e+300j), (1e+300+1e+300j)], [[(1+2j), (7-3.5j)], [(2-1j), (3e+300+1e+300j)]], 3j, (inf+infj), (2e+300+2e+300j))
def complex_reductions(z, x):
    # NumPy's complex pairwise sums, products by its complex multiply, means by its complex division
    w = x * 1j
    return (z.sum(), z.sum(axis=0), z.sum(axis=1, keepdims=True), z.prod(axis=1), z.mean(), z.mean(axis=0),
            np.cumsum(z), np.cumprod(z[:, :2], axis=1), w.sum(), np.sum(z.astype(np.complex64)), (z * 2).sum())

# run: complex_nan([[1+2j, 3+4j], [5+6j, 7+8j]], 3)
# expect: ((nan+infj), [(nan+5j), (7+infj)], (4485-13454.999999999998j), (1485-4455j), (14.950000000000001-44.849999999999994j), [(435-1305j), (438.0000000000001-1313.9999999999995j), (440.9999999999999-1323j), (444.0000000000001-1332j), (446.9999999999999-1341.0000000000005j), (450-1350j), (453.0000000000001-1358.9999999999995j), (455.9999999999999-1367.9999999999998j), (459.0000000000001-1377.0000000000002j), (461.9999999999999-1386.0000000000005j)])
def complex_nan(z, n):
    # NaN and inf parts propagate part by part; a long run takes the 8-accumulator blocks
    q = np.zeros(n * 100, dtype=np.complex128)
    for i in range(n * 100):
        q[i] = complex(i * 0.1, -i * 0.3)
    z[0, 0] = complex(float('nan'), 1.0)
    z[1, 1] = complex(2.0, float('inf'))
    return z.sum(), z.sum(axis=1), q.sum(), q[::3].sum(), q.mean(), q.reshape(n * 10, 10).sum(axis=0)

# run: complex_var([[1+2j, -3.5j, 0.25], [2-1j, 4+4j, -1-0.5j]])
# expect: (8.147569444444445, [1.5811388300841898, 4.25, 0.673145600891813], [8.020833333333334, 13.916666666666668], 2.8543947597423247, 8.147568702697754, [2.312406063079834, 3.0459444522857666])
def complex_var(z):
    # NumPy's _var for complex: |z - mean|**2 as re*re + im*im, summed from the temporary's real parts
    w = z.astype(np.complex64)
    return z.var(), z.std(axis=0), z.var(axis=1, ddof=1), z.T.std(), w.var(), w.std(axis=1)

# complex min/max/argmin/argmax in NumPy's order (real parts, then imaginary); a NaN part wins
# run: complex_extremes([1+1j, 2-1j, 2+0j, -1+5j, 2-1j, 0j], [0.0, 1.0, nan, 2.0, 0.0, 1.0])
# expect: ((2+0j), (-1+5j), 2, 3, (2+0j), [(1+1j), (2-1j), (2+0j)], [(1+1j), (-1+5j)], [0, 0, 0], [0, 0], (nan+nanj), 2, (2+0j), (-1+5j))
def complex_extremes(z, im):
    m = z.reshape(2, 3)
    w = z + im * 1j
    return (np.max(z), np.min(z), np.argmax(z), np.argmin(z), z.max(), m.max(axis=0), m.min(axis=1), np.argmax(m, axis=0),
            np.argmin(m, axis=1), np.max(w), np.argmin(w), np.amax(z.astype(np.complex64)), np.min(z[::-2]))

# NumPy's parameters by position: np.sum(a, axis, dtype, out, keepdims), np.var(a, axis, dtype, out,
# ddof), methods alike; dtype= the result's own dtype and out=None are accepted
# run: positional(np.array([[1.0, 2.0], [3.0, 5.0]]))
# expect: ([4.0, 7.0], [0.5, 2.0], [[1.5], [4.0]], [1, 1], 11.0, [1.0, 2.0])
def positional(a):
    return (np.sum(a, 0), np.var(a, 1, None, None, 1), a.mean(1, None, None, True), np.argmax(a, 1),
            a.sum(None, np.float64), np.cumsum(a, 0, None, None)[0])

# run: positional_kw(np.array([1, 2, 3], dtype=np.int32))
# expect: (6, 2.0, 0.816496580927726, 3)
def positional_kw(a):
    return (np.sum(a, dtype=np.int64), np.mean(a, None, np.float64), np.std(a, axis=None, ddof=0),
            np.max(a, None, None, False))
