# NumPy's index-making functions (triu/tril/diag_indices, indices), indexing along an axis (take_along_axis,
# put_along_axis) and wrappers (tensordot, atleast_1d/3d, hsplit/vsplit/dsplit, matrix_transpose, cumulative_sum/prod,
# isposinf/isneginf, iscomplex/isreal, ediff1d, ndim/shape/size, count_nonzero(axis=), concat, permute_dims).
import numpy as np


# run: indices(4)
# expect: ([1, 2, 3, 6, 7, 11], [0, 4, 5, 8, 9, 10, 12, 13, 14, 15], [[-1, 1, 2, 3], [4, -1, 6, 7], [8, 9, -1, 11], [12, 13, 14, -1]], [[[0, 0, 0], [1, 1, 1]], [[0, 1, 2], [0, 1, 2]]], ([0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2], [0, 1, 2, 3, 0, 1, 2, 3, 1, 2, 3]))
def indices(n):
    a = np.arange(n * n).reshape(n, n)
    b = a.copy()
    b[np.diag_indices(n)] = -1
    return a[np.triu_indices(n, 1)], a[np.tril_indices(n)], b, np.indices((2, 3)), np.triu_indices(3, -1, 4)


# run: along(5)
# expect: ([[-0.9899924966004454, -0.4161468365471424, 0.5403023058681398, 1.0], [-0.6536436208636119, 0.28366218546322625, 0.7539022543433046, 0.960170286650366], [-0.9111302618846769, -0.8390715290764524, -0.14550003380861354, 0.004425697988050785], [-0.7596879128588213, 0.1367372182078336, 0.8438539587324921, 0.9074467814501962], [-0.9576594803233847, -0.27516333805159693, 0.6603167082440802, 0.9887046181866692]], [[1.0, 0.9074467814501962, 0.960170286650366, 0.9887046181866692]], [[1.0, 0.5403023058681398, -0.4161468365471424, 0.0], [0.0, 0.28366218546322625, 0.960170286650366, 0.7539022543433046], [-0.14550003380861354, 0.0, -0.8390715290764524, 0.004425697988050785], [0.8438539587324921, 0.9074467814501962, 0.1367372182078336, 0.0], [0.0, -0.27516333805159693, 0.6603167082440802, 0.9887046181866692]])
def along(n):
    a = np.cos(np.arange(n * 4.0)).reshape(n, 4)
    idx = np.argsort(a, axis=1)
    b = a.copy()
    np.put_along_axis(b, idx[:, :1], 0.0, axis=1)
    return np.take_along_axis(a, idx, axis=1), np.take_along_axis(a, np.argmax(a, axis=0)[None, :], axis=0), b


# run: contract(3)
# expect: ([[14.0, 38.0, 62.0], [38.0, 126.0, 214.0], [62.0, 214.0, 366.0]], [506.0, 1298.0], (3, 4, 3, 4))
def contract(n):
    a = np.arange(n * 4.0).reshape(n, 4)
    c = np.arange(2 * n * 4.0).reshape(2, n, 4)
    return np.tensordot(a, a.T, axes=1), np.tensordot(c, a, axes=([1, 2], [0, 1])), np.tensordot(a, a, axes=0).shape


# run: shapes(6)
# expect: ([3.0], (1, 6, 1), (2, 3, 1), [[0.0, 1.0], [2.0, 3.0], [4.0, 5.0]], [[[0.0, 1.0, 2.0]], [[3.0, 4.0, 5.0]]], [[[[0.0], [6.0]], [[12.0], [18.0]]], [[[1.0, 2.0, 3.0, 4.0, 5.0], [7.0, 8.0, 9.0, 10.0, 11.0]], [[13.0, 14.0, 15.0, 16.0, 17.0], [19.0, 20.0, 21.0, 22.0, 23.0]]]], (2, 6, 2), [0.0, 0.0, 1.0, 3.0, 6.0, 10.0, 15.0], [[1.0, 2.0, 6.0], [4.0, 20.0, 120.0]], 3, (2, 3), 6, [0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 0.0, 1.0, 2.0, 3.0, 4.0, 5.0], (6, 2, 2), [1, 1, 2], [[[5], [6]], [[6], [6]]])
def shapes(n):
    v = np.arange(n * 1.0)
    m = v.reshape(2, n // 2)
    t = np.arange(n * 4.0).reshape(2, 2, n)
    return (np.atleast_1d(3.0), np.atleast_3d(v).shape, np.atleast_3d(m).shape, np.hsplit(v, 3), np.vsplit(m, 2),
            np.dsplit(t, [1]), np.matrix_transpose(t).shape, np.cumulative_sum(v, include_initial=True),
            np.cumulative_prod(m + 1, axis=1), np.ndim(t), np.shape(m), np.size(t, 2), np.concat((v, v)),
            np.permute_dims(t, (2, 1, 0)).shape, np.count_nonzero(m > 1, axis=0), np.count_nonzero(t, axis=2, keepdims=True))


# run: tests(3)
# expect: ([False, True, False, False], [False, False, True, False], [False, True, False], [True, False, True], True, True, [inf, -inf, nan], [-1, 1, 3, 7, 8])
def tests(n):
    x = np.array([1.0, np.inf, -np.inf, np.nan])[:n + 1]
    z = np.array([1 + 0j, 2j, -1 - 0j])
    return (np.isposinf(x), np.isneginf(x), np.iscomplex(z), np.isreal(z), np.iscomplexobj(z), np.isrealobj(x),
            np.ediff1d(x), np.ediff1d(np.arange(n) ** 2, to_begin=-1, to_end=[7, 8]))


# run: bad_tensordot(2)
# expect-error: line 58: ValueError: shape-mismatch for sum
def bad_tensordot(n):
    return np.tensordot(np.ones((n, 3)), np.ones((n, 3)), axes=1)


# run: more(4)
# expect: ([[0.0, 1.0, 2.0, 3.0], [0.0, 1.0, 2.0, 3.0], [0.0, 1.0, 2.0, 3.0]], [[0.0, 0.0, 0.0, 0.0], [1.0, 1.0, 1.0, 1.0], [2.0, 2.0, 2.0, 2.0]], (3, 4), (4, 2, 3), (3, 4, 2), [[0.0, 1.0, 2.0], [3.0, 0.0, 1.0]], [0.0, 1.0, 2.0, 3.0, 0.0, 1.0, 2.0], [1.0, 10.0, 100.0, 1000.0], [-1.0, -2.0, -4.0, -7.999999999999999, -16.0], [2.0, 2.213363839400643, 2.449489742783178, 2.710806010829535], [0.0, 3.0, 0.21681469282041377, -2.683185307179586, -2.966370614359173, -2.94955592153876, -2.8495559215387605], [[0.0, 3.0, 0.21681469282041377, -2.683185307179586, -2.966370614359173, -2.94955592153876, -2.8495559215387605], [0.0, -0.28318530717958623, 0.43362938564082754, 0.916814692820414, 0.3504440784612406, 0.384073464102066, 0.5840734641020653]], [0.0, -1.0, -1.5, -0.3999999999999999, 1.5999999999999996, -0.10000000000000142, -1.7763568394002505e-15], [1, 2, 3, 6, 7, 11], [0, 4, 5, 8, 9, 10, 12, 13, 14, 15], ([0, 1, 2, 3], [0, 1, 2, 3]))
def more(n):
    a = np.arange(n * 1.0)
    b = np.arange(3.0).reshape(3, 1)
    x, y = np.broadcast_arrays(a, b)
    t = np.arange(24.0).reshape(2, 3, 4)
    ph = np.cumsum(np.array([0.0, 3.0, 3.5, -2.9, 6.0, 6.3, 0.1]))
    m = np.arange(n * n).reshape(n, n)
    return (x, y, np.broadcast_shapes((3, 1), (4,), 1), np.rollaxis(t, 2).shape, np.rollaxis(t, 0, 3).shape,
            np.resize(a, (2, 3)), np.resize(a, 7), np.geomspace(1, 1000, 4), np.geomspace(-1, -16.0, 5),
            np.geomspace(2, 3, 4, endpoint=False), np.unwrap(ph), np.unwrap(np.vstack((ph, ph * 2)), axis=1),
            np.unwrap(ph, period=4.0), m[np.triu_indices_from(m, 1)], m[np.tril_indices_from(m)], np.diag_indices_from(m))


# run: bad_broadcast(3)
# expect-error: line 79: ValueError: shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 0 with shape (3,) and arg 1 with shape (2, 4).
def bad_broadcast(n):
    return np.broadcast_arrays(np.ones(n), np.ones((2, n + 1)))


# run: bad_geomspace(0)
# expect-error: line 85: ValueError: Geometric sequence cannot include zero
def bad_geomspace(n):
    return np.geomspace(n, 10.0, 3)


# run: ravel_trim(2)
# expect: ([], [], [9.0, 0.0, 2.0, 0.0], [0.0, 0.0, 9.0, 0.0, 2.0], [0.0, 0.0, 9.0, 0.0, 2.0, 0.0], [8, 10], 7, [7], [[8, 5], [13, 10]])
def ravel_trim(k):
    z = np.zeros(4)
    a = np.array([0.0, 0.0, 1.5, 0.0, 2.0, 0.0])
    t = np.trim_zeros(a)
    t[0] = 9.0  # a view of a
    return (np.trim_zeros(z), np.trim_zeros(z, 'f'), np.trim_zeros(a, 'f'), np.trim_zeros(a, 'B'), a,
            np.ravel_multi_index((np.array([1, 2]), np.array([3, 0])), (4, 5)), np.ravel_multi_index((1, k), (4, 5)),
            np.ravel_multi_index((np.array([5]), np.array([7])), (4, 5), mode='wrap'),
            np.ravel_multi_index((np.array([[1], [2]]), np.array([3, 0])), (4, 5)))


# run: bad_ravel(5)
# expect-error: line 104: ValueError: invalid entry in coordinates array
def bad_ravel(k):
    return np.ravel_multi_index((k, 2), (4, 5))
