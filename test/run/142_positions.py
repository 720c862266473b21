# Loops over an array's positions in C order and picks by flat position (lower/stmt.c for_positions,
# lower/expr.c ex_flat_index, lower/npmisc.c): np.ndenumerate(a) (the indices and the element, a NumPy scalar) and
# `for v in a.flat` on any layout (views, transposes, reversed strides, 3-d, int and bool and complex arrays,
# comprehensions, break and continue), a.flat[i] read and written (negative i from the end, NumPy's IndexError
# past either end), np.take with and without an axis (scalar, list and array indices), a.take, np.extract, np.vdot.
import numpy as np

# run: enum2(3)
# expect: [((0, 0), 0.0), ((0, 1), 1.0), ((0, 2), 2.0), ((1, 0), 3.0), ((1, 1), 4.0), ((1, 2), 5.0)]
def enum2(n):
    a = np.arange(2.0 * n).reshape(2, n)
    out = []
    for idx, v in np.ndenumerate(a):
        out.append((idx, v))
    return out

# run: enum_views(4)
# expect: (400199944, 4.666666666666666)
def enum_views(n):
    a = np.arange(n * n * 2).reshape(n, n * 2)
    s = 0
    for (i, j), v in np.ndenumerate(a.T[::-1, 1:3]):
        s = s * 3 + v * (i + 1) - j
    t = 0.0
    for idx, v in np.ndenumerate(np.linspace(0.0, 1.0, n)):
        t += v * idx[0]
    return s, t

# run: enum3(2)
# expect: [2001, 1002, 11010, 10011, 8013, 14101]
def enum3(n):
    a = np.arange(24, dtype=np.int32).reshape(2, 3, 4)[:, ::2, ::-1]
    r = []
    for idx, v in np.ndenumerate(a):
        if v % 3 == 0:
            continue
        if idx[0] == n - 1 and idx[2] == 2:
            break
        r.append(idx[0] * 100 + idx[1] * 10 + idx[2] + int(v) * 1000)
    return r

# run: enum_kinds(3)
# expect: ([((0, 0), True), ((0, 1), False), ((1, 0), False), ((1, 1), True), ((2, 0), False), ((2, 1), False)], [(0, (-2+1j)), (1, (1+3j)), (2, (2-0j))], 9.0)
def enum_kinds(n):
    b = np.arange(n * 2).reshape(n, 2) % 3 == 0
    z = np.array([1 + 2j, 3 - 1j, -2j])[:n]
    cb = [(i, bool(v)) for i, v in np.ndenumerate(b)]
    cz = [(i[0], v * 1j) for i, v in np.ndenumerate(z)]
    return cb, cz, sum(v for _, v in np.ndenumerate(np.ones((n, n))))

# run: enum_empty(0)
# expect: 0
def enum_empty(n):
    c = 0
    for idx, v in np.ndenumerate(np.zeros((3, n))):
        c += 1
    for v in np.zeros((n, 2)).flat:
        c += 1
    return c

# run: flat_iter(3)
# expect: (946.0, [12.0, 16.0, 6.0, 10.0, 4.0], 8.0, 4)
def flat_iter(n):
    a = np.arange(3.0 * n).reshape(3, n)
    s = 0.0
    for v in a.T.flat:
        s = s * 2 + v
    w = [v * 2 for v in a[::-1, ::2].flat if v > 1]
    m = max([v for v in a.flat])
    k = 0
    for v in a.flat:
        if v == 4:
            break
        k += 1
    return s, w, m, k

# run: flat_item(4)
# expect: ([[0.0, 1.0, 7.5, 3.0], [100.0, 5.0, -5.0, 7.0], [8.0, 9.0, 10.0, -1.0]], 100.0, 8.0, 5.0, 7.5)
def flat_item(n):
    a = np.arange(12.0).reshape(3, 4)
    a.flat[2] = 7.5
    a.flat[-1] = -1
    t = a.T
    t.flat[1] = 100.0
    v = a[:, 1:3]
    v.flat[3] = -5
    return a.tolist(), a.flat[n], a.flat[-n], t.flat[n], v.flat[1]

# run: flat_int(5)
# expect: ([[0, 5, 10], [15, 20, 25]], 26, [True, True, True])
def flat_int(n):
    a = np.zeros((2, 3), dtype=np.int16)
    for i in range(6):
        a.flat[i] = i * n
    b = np.array([True, False, True])
    b.flat[1] = True
    return a.tolist(), a.flat[n] + 1, b.tolist()

# run: flat_past(6)
# expect-error: line 107: IndexError: index 6 is out of bounds for size 6
# run: flat_past(-7)
# expect-error: line 107: IndexError: index -7 is out of bounds for size 6
# run: flat_past(-6)
# expect: 0
def flat_past(n):
    a = np.arange(6).reshape(2, 3)
    return a.flat[n]

# run: flat_store_past(10)
# expect-error: line 113: IndexError: index 10 is out of bounds for size 6
def flat_store_past(n):
    a = np.zeros((3, 2))
    a.flat[n] = 1.0
    return a.tolist()

# run: takes(2)
# expect: ([0.0, 4.0], 5.0, [[2.0, 0.0], [5.0, 3.0]], [3.0, 4.0, 5.0], [[0.0, 1.0], [5.0, 4.0]], [1.0, 2.0], 2.0, [[1.0, 2.0], [4.0, 5.0]], 2)
def takes(n):
    a = np.arange(6.0).reshape(2, 3)
    return (np.take(a, [0, 4]).tolist(), np.take(a, -1), np.take(a, [2, 0], axis=1).tolist(),
            np.take(a, 1, axis=0).tolist(), np.take(a, np.array([[0, 1], [5, 4]])).tolist(), a.take([1, 2]).tolist(),
            np.take(a, n), np.take(a, [1, n], axis=-1).tolist(), np.take(np.arange(5), n))

# run: take_past(7)
# expect-error: line 131: IndexError: index 7 is out of bounds for axis 0 with size 6
# run: take_past(3)
# expect-error: line 132: IndexError: index 3 is out of bounds for axis 1 with size 3
def take_past(n):
    a = np.arange(6.0).reshape(2, 3)
    if n > 5:
        return np.take(a, [1, n]).tolist()
    return np.take(a, n, axis=1).tolist()

# run: extracts(2)
# expect: ([3.0, 4.0, 5.0], [0, 2], [0.0, 1.0])
def extracts(n):
    a = np.arange(6.0).reshape(2, 3)
    return np.extract(a > n, a).tolist(), np.extract(np.array([1, 0, 1]), np.arange(5)).tolist(), np.extract(a.T < n, a.T).tolist()

# run: vdots(3)
# expect: (55.0, 5, 50.0, 11.0)
def vdots(n):
    a = np.arange(6.0).reshape(2, 3)
    return np.vdot(a, a), np.vdot(np.arange(n), np.arange(n)), np.vdot(a.T, a), np.vdot([1.5, 2.0], np.array([2.0, 4.0]))

# run: vdot_lengths(4)
# expect-error: line 149: ValueError: cannot reshape array of size 4 into shape (3,)
def vdot_lengths(n):
    return np.vdot(np.arange(3.0), np.arange(float(n)))

# run: nancum(0)
# expect: ([1.0, 1.0, 4.0, 8.0], [[1.0, 0.0], [4.0, 4.0]], [[1.0, 1.0], [3.0, 12.0]], [1, 3], [1.0, 1.0, 3.0, 12.0], [0.0, 2.0, 5.0], [[1.0, 1.0], [3.0, 7.0]])
def nancum(n):
    a = np.array([[1.0, np.nan], [3.0, 4.0]])
    f = np.array([np.nan, 2.0, 3.0], dtype=np.float32)
    return (np.nancumsum(a).tolist(), np.nancumsum(a, axis=0).tolist(), np.nancumprod(a, axis=1).tolist(),
            np.nancumsum(np.array([1, 2])).tolist(), np.nancumprod(a).tolist(), np.nancumsum(f).tolist(), np.nancumsum(a, axis=-1).tolist())

# run: tris(3)
# expect: ([[1.0, 1.0, 0.0, 0.0], [1.0, 1.0, 1.0, 0.0], [1.0, 1.0, 1.0, 1.0]], [[1, 0], [1, 1]], [[0.0, 0.0, 0.0], [1.0, 0.0, 0.0], [1.0, 1.0, 0.0]], [[0.0, 0.0], [0.0, 0.0], [0.0, 0.0]], (0, 0))
def tris(n):
    return (np.tri(n, 4, 1).tolist(), np.tri(2, dtype=np.int64).tolist(), np.tri(n, k=-1).tolist(), np.tri(n, 2, -5).tolist(),
            np.tri(0).shape)

# run: vanders(3)
# expect: ([[1, 1, 1], [4, 2, 1], [9, 3, 1]], [[2.25, 1.5, 1.0], [4.0, 2.0, 1.0]], [[1, 1, 1], [0, 0, 1]], [[1.0, 2.0], [1.0, 3.0]], (2, 0), [[2j, (1+1j), (1+0j)], [(4+0j), (2+0j), (1+0j)]], [[1.0000000000000004e-05, 0.00010000000000000003, 0.0010000000000000002, 0.010000000000000002, 0.1, 1.0], [14.198569999999997, 8.352099999999998, 4.912999999999999, 2.8899999999999997, 1.7, 1.0]])
def vanders(n):
    return (np.vander(np.array([1, 2, 3], dtype=np.int32)).tolist(), np.vander(np.array([1.5, 2.0], dtype=np.float32), n).tolist(),
            np.vander(np.array([True, False]), 3).tolist(), np.vander(np.array([2.0, 3.0]), increasing=True).tolist(),
            np.vander(np.array([2.0, 3.0]), 0).shape, np.vander(np.array([1 + 1j, 2 + 0j]), n).tolist(),
            np.vander(np.array([0.1, 1.7]), 6).tolist())

# run: flags(4)
# expect: ([((3, 1, 4), (32, 32, 8), True, False, True, True, False), ((3, 1, 2), (32, 32, 16), False, False, False, False, False), ((3, 1, 4), (32, 32, 8), True, False, True, True, False), ((3, 1, 1), (32, 32, 8), False, False, False, False, False), ((2, 1, 4), (64, 32, 8), False, False, False, False, False), ((3, 1, 4), (32, 32, -8), False, False, False, False, False)], (False, True, (8, 32, 32)), (True, True), (True, True, (4, 16)), (True, (32, 8)))
def flags(n):
    a = np.zeros((3, 1, n))
    out = []
    for x in (a, a[:, :, ::2], a[:, 0:1, :], a[:, :, :1], a[::2], a[:, :, ::-1]):
        out.append((x.shape, x.strides, x.flags.c_contiguous, x.flags.f_contiguous, x.flags['C_CONTIGUOUS'], x.flags.contiguous,
                    x.flags['F_CONTIGUOUS']))
    t = a.T
    e = np.zeros((0, n))[:, ::2]
    v = np.zeros((1, n), dtype=np.int32).T
    r = a[:, 0, :]
    return (out, (t.flags.c_contiguous, t.flags.f_contiguous, t.strides), (e.flags.c_contiguous, e.flags.f_contiguous),
            (v.flags.c_contiguous, v.flags.f_contiguous, v.strides), (r.flags.c_contiguous, r.strides))

# run: views(4)
# expect: ([0, 4611686018427387904, 4611686018427387904, 4613937818241073152], [0, 4611686018427387904], [0.0, 2.0, 2.0, 3.0], [1065353216, 1065353216, 1065353216], 5e-324, [(1+2j)], [255, 2], [0.0, 2.0, 2.0, 3.0], [True, False], (8, 16))
def views(n):
    a = np.arange(float(n))
    b = a.view(np.int64)
    c = a[::2].view(np.uint64)
    b[1] = 4611686018427387904
    f32 = np.ones(3, dtype=np.float32).view(np.int32)
    z = np.array([1 + 2j]).view(np.complex128)
    u = np.array([-1, 2], dtype=np.int8).view(np.uint8)
    return (b.tolist(), c.tolist(), a.tolist(), f32.tolist(), np.arange(4).view(np.float64)[1], z.tolist(), u.tolist(),
            a.view().tolist(), np.array([True, False]).view(np.bool_).tolist(), a.reshape(2, 2).T.view(np.int64).strides)
