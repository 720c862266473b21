# NumPy functions written in Python and lowered at the call (lower/npmisc.c) and the axis views np.swapaxes and
# np.moveaxis, each against NumPy 2 on every tier: identity, triu/tril, diag/diagflat, outer/kron/inner, vstack/hstack/
# column_stack, expand_dims, atleast_2d, ravel/reshape, median, ptp, nansum/nanmean, trapezoid, gradient, searchsorted,
# digitize, bincount, unique, isin, argwhere, append/insert/delete, logspace, polyval, meshgrid, cross, fmax/fmin,
# deg2rad/rad2deg, nan_to_num.
import numpy as np

# run: group0(1)
# expect: ([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]], [[1, 0], [0, 1]], [[0.0, 1.0, 2.0, 3.0], [0.0, 5.0, 6.0, 7.0], [0.0, 0.0, 10.0, 11.0], [0.0, 0.0, 0.0, 15.0]], [[0, 1, 2, 3], [0, 0, 6, 7], [0, 0, 0, 11]], [[0, 0, 0, 0], [4, 0, 0, 0], [8, 9, 0, 0]], [[0.5118216247002567, 0.0, 0.0], [0.0, 0.9504636963259353, 0.0], [0.0, 0.0, 0.14415961271963373]], [[0.0, 0.0, 0.0, 0.0], [0.5118216247002567, 0.0, 0.0, 0.0], [0.0, 0.9504636963259353, 0.0, 0.0], [0.0, 0.0, 0.14415961271963373, 0.0]])
def group0(seed):
    a = np.random.default_rng(seed).random(20)
    return (np.identity(3), np.identity(2, dtype=np.int32), np.triu(np.arange(16.0).reshape(4, 4)), np.triu(np.arange(12).reshape(3, 4), 1), np.tril(np.arange(12).reshape(3, 4), -1), np.diag(a[:3]), np.diag(a[:3], -1),)

# run: group1(1)
# expect: ([1.0, 6.0, 11.0], [[0, 0, 0, 0, 0], [0, 0, 1, 0, 0], [0, 0, 0, 2, 0], [0, 0, 0, 0, 3], [0, 0, 0, 0, 0]], [[0.26196137551081045, 0.48646787327215163], [0.48646787327215163, 0.9033812380335597], [0.07378400719832273, 0.1370184783664184]], [0.0, 0.5118216247002567, 1.0236432494005134, 0.0, 0.9504636963259353, 1.9009273926518706], 5.69383283718631, [[0.5118216247002567, 0.9504636963259353], [1.0236432494005134, 1.9009273926518706]], [[1.0, 1.0], [1.0, 1.0], [0.5118216247002567, 0.9504636963259353]])
def group1(seed):
    a = np.random.default_rng(seed).random(20)
    return (np.diag(np.arange(12.0).reshape(3, 4), 1), np.diagflat(np.arange(4).reshape(2, 2), 1), np.outer(a[:3], a[:2]), np.kron(a[:2], np.arange(3)), np.inner(a, a), np.vstack((a[:2], a[:2] * 2)), np.vstack((np.ones((2, 2)), a[:2])),)

# run: group2(1)
# expect: ([0.5118216247002567, 0.9504636963259353, 0.9486494471372439], [[1.0, 1.0, 0.0], [1.0, 1.0, 0.0]], [[0.5118216247002567, 0.14415961271963373], [0.9504636963259353, 0.9486494471372439]], (1, 3), (3, 1), [[0.5118216247002567, 0.9504636963259353, 0.14415961271963373]], [[0, 3], [1, 4], [2, 5]])
def group2(seed):
    a = np.random.default_rng(seed).random(20)
    return (np.hstack((a[:2], a[3:4])), np.hstack((np.ones((2, 2)), np.zeros((2, 1)))), np.column_stack((a[:2], a[2:4])), np.expand_dims(a[:3], 0).shape, np.expand_dims(a[:3], -1).shape, np.atleast_2d(a[:3]), np.swapaxes(np.arange(6).reshape(2, 3), 0, 1),)

# run: group3(1)
# expect: ((3, 4, 2), [[1, 5, 9], [13, 17, 21]], [0, 1, 2, 3, 4, 5], [0.42332644897257565, 0.8277025938204418, 0.4091991363691613, 0.5495936876730595, 0.027559113243068367], 0.41626279267086846, 0.5118216247002567, 2.0)
def group3(seed):
    a = np.random.default_rng(seed).random(20)
    return (np.moveaxis(np.arange(24).reshape(2, 3, 4), 0, -1).shape, np.moveaxis(np.arange(24).reshape(2, 3, 4), 2, 0)[1], np.ravel(np.arange(6).reshape(2, 3)), np.reshape(a, (4, 5))[1], np.median(a), np.median(a[:5]), np.median(np.array([3, 1, 4, 1])),)

# run: group4(1)
# expect: (nan, 0.7302355766296387, 0.9229045830828669, 3.5, 1.75, 1.75, 8.88667215580698)
def group4(seed):
    a = np.random.default_rng(seed).random(20)
    return (np.median(np.array([1.0, np.nan, 3.0])), np.median(a[:4].astype(np.float32)), np.ptp(a), np.nansum(np.array([1.0, np.nan, 2.5])), np.nanmean(np.array([1.0, np.nan, 2.5])), np.nanmean(np.array([1.0, np.nan, 2.5], dtype=np.float32)), np.trapezoid(a),)

# run: group5(1)
# expect: (0.9124294224821596, 0.8886672155806981, [0.4386420716256786, -0.1838310059903115, -0.0009071245943457207, 0.08383591964542586, -0.2626614990823341, 0.1114949969620902], [3.0, 4.0, 6.0, 7.0], 12, 3, 1)
def group5(seed):
    a = np.random.default_rng(seed).random(20)
    return (np.trapezoid(a[:4], np.arange(4.0) * 0.5), np.trapezoid(a, dx=0.1), np.gradient(a[:6]), np.gradient(np.array([1, 4, 9, 16])), np.searchsorted(np.sort(a), 0.5), np.searchsorted(np.array([1, 2, 2, 3]), 2, side='right'), np.searchsorted(np.array([1, 2, 2, 3]), 2),)

# run: group6(1)
# expect: ([0, 1, 2, 2], [2, 3, 0, 3, 1], [0, 1], [3, 1], 1, [1, 2, 0, 1], [1, 1, 0, 0])
def group6(seed):
    a = np.random.default_rng(seed).random(20)
    return (np.searchsorted(np.array([1.0, 2.0, np.nan]), np.array([0.5, 2.0, 5.0, np.nan])), np.digitize(a[:5], np.array([0.25, 0.5, 0.75])), np.digitize(np.array([0.25, 0.5]), np.array([0.25, 0.5, 0.75]), right=True), np.digitize(np.array([0.1, 0.6]), np.array([0.75, 0.5, 0.25])), np.digitize(0.3, np.array([0.25, 0.5])), np.bincount(np.array([0, 1, 1, 3])), np.bincount(np.array([0, 1]), minlength=4),)

# run: group7(1)
# expect: ([1, 2, 3], [0.5, 1.0, nan], [False, True, False, True, False], [[1, 0], [1, 1], [1, 2]], [0.5118216247002567, 0.9504636963259353, 1.0], [0.0, 1.0, 2.0, 1.5, 2.5], [0.5118216247002567, 9.0, 0.9504636963259353, 0.14415961271963373])
def group7(seed):
    a = np.random.default_rng(seed).random(20)
    return (np.unique(np.array([3, 1, 3, 2])), np.unique(np.array([1.0, np.nan, 1.0, np.nan, 0.5])), np.isin(np.arange(5), np.array([1, 3])), np.argwhere(np.arange(6).reshape(2, 3) > 2), np.append(a[:2], 1.0), np.append(np.arange(3), np.array([[1.5, 2.5]])), np.insert(a[:3], 1, 9.0),)

# run: group8(1)
# expect: ([0, 1, 7, 2], [0, 1, 2, 2], [0, 1, 3, 4], [0, 1, 2, 3], [1.0, 10.0, 100.0], [1.0, 2.0, 4.0, 8.0], 11.0)
def group8(seed):
    a = np.random.default_rng(seed).random(20)
    return (np.insert(np.arange(3), -1, 7), np.insert(np.arange(3), 3, 2.7), np.delete(np.arange(5), 2), np.delete(np.arange(5), -1), np.logspace(0, 2, 3), np.logspace(0, 3, 4, base=2.0), np.polyval(np.array([1.0, 2.0, 3.0]), 2.0),)

# run: group9(1)
# expect: ([-1.4881783752997433, -1.0495363036740648, -1.8558403872803662], 5, ([[0.5118216247002567, 0.9504636963259353], [0.5118216247002567, 0.9504636963259353], [0.5118216247002567, 0.9504636963259353]], [[0.5118216247002567, 0.5118216247002567], [0.9504636963259353, 0.9504636963259353], [0.14415961271963373, 0.14415961271963373]]), [0.35740292008737407, -0.07991069398573425, -0.742054779642973], [1.0, 2.0, 0.0], [1.0, 2.0, -0.0], [3.2158701122134374, 5.971939531762717, 0.9057815605287021])
def group9(seed):
    a = np.random.default_rng(seed).random(20)
    return (np.polyval(np.array([1.0, -2.0]), a[:3]), np.polyval(np.array([1, 2]), 3), np.meshgrid(a[:2], a[:3]), np.cross(a[:3], a[3:6]), np.fmax(np.array([1.0, np.nan, -0.0]), np.array([np.nan, 2.0, 0.0])), np.fmin(np.array([1.0, np.nan, 0.0]), np.array([np.nan, 2.0, -0.0])), np.deg2rad(a[:3] * 360),)

# run: group10(1)
# expect: ([29.32521895885348, 54.45755837988002, 8.259737385075473], 1.5707963705062866, [1.0, 0.0, 1.7976931348623157e+308, -1.7976931348623157e+308], [3.4028234663852886e+38])
def group10(seed):
    a = np.random.default_rng(seed).random(20)
    return (np.rad2deg(a[:3]), np.deg2rad(np.float32(90.0)), np.nan_to_num(np.array([1.0, np.nan, np.inf, -np.inf])), np.nan_to_num(np.array([np.inf], dtype=np.float32)),)

# run: insert_out(1)
# expect-error: line 77: IndexError: index 5 is out of bounds for axis 0 with size 3
def insert_out(seed):
    return np.insert(np.arange(3), 5, 1)

# run: delete_out(1)
# expect-error: line 82: IndexError: index -4 is out of bounds for axis 0 with size 3
def delete_out(seed):
    return np.delete(np.arange(3), -4)

# run: bincount_neg(1)
# expect-error: line 87: ValueError: 'list' argument must have no negative elements
def bincount_neg(seed):
    return np.bincount(np.array([1, -1]))

# run: digitize_bad(1)
# expect-error: line 92: ValueError: bins must be monotonically increasing or decreasing
def digitize_bad(seed):
    return np.digitize(0.5, np.array([1.0, 0.0, 2.0]))

# run: gradient_short(1)
# expect-error: line 97: ValueError: Shape of array too small to calculate a numerical gradient, at least (edge_order + 1) elements are required.
def gradient_short(seed):
    return np.gradient(np.array([1.0]))

# run: more0(1)
# expect: (0.41626279267086846, 0.3319331545975333, 0.9504636963259353, 0.027559113243068367, 0.8397972791521221, 0.31768483849825985, 2.6000000000000005)
def more0(seed):
    a = np.random.default_rng(seed).random(20)
    return (np.quantile(a, 0.5), np.quantile(a, 0.37), np.quantile(a, 1.0), np.quantile(a, 0.0), np.percentile(a, 90), np.percentile(a, 33.3), np.percentile(np.array([1, 5, 2, 8]), 40),)

# run: more1(1)
# expect: (0.309240460395813, nan, ([1, 3, 2, 2, 4, 3, 0, 1, 2, 2], [0.027559113243068367, 0.11984957155135506, 0.21214002985964175, 0.30443048816792845, 0.39672094647621514, 0.48901140478450184, 0.5813018630927885, 0.6735923214010753, 0.7658827797093619, 0.8581732380176486, 0.9504636963259353]), ([4, 4, 7, 1, 4], [0.027559113243068367, 0.21214002985964175, 0.39672094647621514, 0.5813018630927885, 0.7658827797093619, 0.9504636963259353]), ([3, 1, 1], [1.0, 3.0, 5.0, 7.0]), ([0, 0, 2, 0], [1.5, 1.75, 2.0, 2.25, 2.5]), ([0, 0], [0.0, 0.5, 1.0]))
def more1(seed):
    a = np.random.default_rng(seed).random(20)
    return (np.quantile(a.astype(np.float32), 0.3), np.quantile(np.array([1.0, np.nan, 3.0]), 0.5), np.histogram(a), np.histogram(a, 5), np.histogram(np.array([1, 2, 2, 3, 7]), 3), np.histogram(np.array([2.0, 2.0]), 4), np.histogram(np.zeros(0), 2),)

# run: percentile_out(1)
# expect-error: line 114: ValueError: Percentiles must be in the range [0, 100]
def percentile_out(seed):
    return np.percentile(np.arange(3.0), 101)

# run: histogram_inf(1)
# expect-error: line 119: ValueError: autodetected range of [1.0, inf] is not finite
def histogram_inf(seed):
    return np.histogram(np.array([1.0, np.inf]))

# ufunc methods: reduce, accumulate, outer
# run: ufunc_methods(1)
# expect: ([0.5118216247002567, 0.9504636963259353, 0.9504636963259353, 0.9504636963259353, 0.9504636963259353, 0.9504636963259353, 0.9504636963259353, 0.9504636963259353, 0.9504636963259353, 0.9504636963259353, 0.9504636963259353, 0.9504636963259353, 0.9504636963259353, 0.9504636963259353, 0.9504636963259353, 0.9504636963259353, 0.9504636963259353, 0.9504636963259353, 0.9504636963259353, 0.9504636963259353], [3.0, nan, nan, nan], [0.5118216247002567, 1.462285321026192, 1.6064449337458258, 2.5550943808830695, 2.866925832893555], [1, 2, 6, 24, 120], 9.273739638378032, [8, 9, 10, 11], [[1.0236432494005134, 1.462285321026192], [1.462285321026192, 1.9009273926518706], [0.6559812374198905, 1.094623309045569]], [[False, True], [False, False], [True, True]])
def ufunc_methods(seed):
    a = np.random.default_rng(seed).random(20)
    return (np.maximum.accumulate(a), np.minimum.accumulate(np.array([3.0, np.nan, 1.0, 2.0])), np.add.accumulate(a[:5]), np.multiply.accumulate(np.arange(1, 6)), np.add.reduce(a), np.maximum.reduce(np.arange(12).reshape(3, 4)), np.add.outer(a[:3], a[:2]), np.less.outer(a[:3], a[:2]),)

# np.linalg.matrix_power: NumPy's short cuts and binary decomposition, so the products are NumPy's, in its order
# (integer matrices: exact; float products share the matmul deviation of docs/language.md's section 12d)
# run: matrix_powers(1)
# expect: ([[1.0, 0.0, 0.0, 0.0], [0.0, 1.0, 0.0, 0.0], [0.0, 0.0, 1.0, 0.0], [0.0, 0.0, 0.0, 1.0]], [[0.5118216247002567, 0.9504636963259353, 0.14415961271963373, 0.9486494471372439], [0.31183145201048545, 0.42332644897257565, 0.8277025938204418, 0.4091991363691613], [0.5495936876730595, 0.027559113243068367, 0.7535131086748066, 0.5381433132192782], [0.32973171649909216, 0.7884287034284043, 0.303194829291645, 0.4534978894806515]], [[15, 6, -3], [6, 6, 6], [-3, 6, 15]], [[-72, -54, -36], [-18, 0, 18], [36, 54, 72]], [[-23328, -17496, -11664], [-5832, 0, 5832], [11664, 17496, 23328]], 102334155)
def matrix_powers(seed):
    a = np.random.default_rng(seed).random((4, 4))
    m = np.arange(9).reshape(3, 3) - 4
    f = np.array([[1, 1], [1, 0]])
    return (np.linalg.matrix_power(a, 0), np.linalg.matrix_power(a, 1), np.linalg.matrix_power(m, 2),
            np.linalg.matrix_power(m, 3), np.linalg.matrix_power(m, 7), np.linalg.matrix_power(f, 40)[0, 1])
