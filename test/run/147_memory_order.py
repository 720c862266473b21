# The memory order of new arrays (rt/order.c): an elementwise expression over transposed, reversed or sliced
# operands, astype, np.copy and the _like constructors lay their result out as NumPy does (order 'K': C where the
# operands say nothing or disagree, F where they are F; each call of an expression from its own operands; an
# operator computing into a temporary of 256 KiB or more keeps that temporary's order). The order shows in strides
# and flags, and in the bits of a float sum (pairwise over memory) and of a matrix product (the BLAS kernel).
import numpy as np


def order_of(a):
    return a.strides, a.flags.c_contiguous, a.flags.f_contiguous


def wave(n, m):
    return np.sin(np.arange(n * m) * 0.7).reshape(n, m)


# run: small_layouts(5, 7)
# expect: [((8, 56), False, True), ((8, 56), False, True), ((40, 8), True, False), ((40, 8), True, False), ((8, 56), False, True), ((8, 56), False, True), ((8, 56), False, True), ((4, 28), False, True), ((8, 56), False, True), ((8, 56), False, True), ((8, 56), False, True), ((8, 56), False, True), ((8, 56), False, True), ((8, 32), False, True), ((56, 8), True, False), ((1, 7), False, True), ((8, 56), False, True), ((4, 28), False, True)]
def small_layouts(n, m):
    x = wave(n, m)
    y = np.cos(np.arange(m * n) * 0.3).reshape(m, n)
    out = []
    for r in (x.T * 2.0, x.T * 2.0 + x.T, x.T + y, x.T * 2.0 + y, -x.T, np.abs(x.T), np.where(x.T > 0, x.T, 0.0),
              x.T.astype(np.float32), np.copy(x.T), np.array(x.T), np.zeros_like(x.T), np.ones_like(x.T),
              x[:, ::-1].T * 1.0, x.T[::2] + 1.0, x[:, 0:1] * x[0:1, :].T.T + x, np.sqrt(np.abs(x.T)) > 0.5,
              (x.T > 0) + x.T, x.T.astype(np.int32) * 3):
        out.append(order_of(r))
    return out


# run: three_axes(3, 4, 5)
# expect: ([((8, 40, 160), False, True), ((40, 160, 8), False, False), ((160, 32, 8), True, False), ((8, 40, 160), False, True), ((80, 40, 8), True, False), ((4, 20, 80), False, True), ((8, 120, 40), False, True)], 6.51862239818092, -53.48137760181908)
def three_axes(a, b, c):
    x = np.sin(np.arange(a * b * c) * 0.9).reshape(a, b, c)
    out = []
    for r in (x.T * 2.0, np.swapaxes(x, 0, 1) * 2.0, np.swapaxes(x, 1, 2) * 2.0 + np.ones((a, c, b)), x.T + 1.0, x[:, ::2, ::-1] * 1.0,
              x.T.astype(np.float32), np.swapaxes(x, 0, 2)[:, :1] * 2.0):
        out.append(order_of(r))
    return out, float((x.T * 3.0).sum()), float((np.swapaxes(x, 0, 1) * 3.0 - 1.0).sum())


def sums(x, y):
    s = []
    for r in (x.T * 3.0 - y, x.T * 3.0 - y.T.T, (x.T * 2.0) ** 2 - y, -(x.T * 1.5) + y, x.T / 3.0 - y, y + x.T * 0.25,
              np.sqrt(np.abs(x.T)) - y, x.T.astype(np.float32) * np.float32(0.5)):
        s.append((float(r.sum()), r.flags.f_contiguous))
    return s


# run: small_sums(60, 61)
# expect: [(8.295071005661535, False), (8.295071005661535, False), (7320.890643373742, False), (-5.554877383049027, False), (3.423615676572655, False), (-2.35798482333446, False), (2794.140717016743, False), (0.9133975505828857, True)]
def small_sums(n, m):
    x = wave(n, m)
    return sums(x, np.cos(np.arange(m * n) * 0.3).reshape(m, n))


# run: big_sums(200, 201)
# expect: [(5.413799322467192, True), (5.413799322467192, True), (80395.15981217599, True), (-1.3485241227867255, True), (-1.813356588075901, True), (3.3942969435071806, True), (30659.288416715113, True), (1.355095624923706, True)]
def big_sums(n, m):
    x = wave(n, m)
    return sums(x, np.cos(np.arange(m * n) * 0.3).reshape(m, n))


# run: products(40, 41)
# expect: (0.40393984563740015, 2.659994963512535, 2.659994963512535, [-0.21317877542010294, -0.05193538333265385, 0.13373403104907056], [-0.03436543227377808, 0.013842181022787965, 0.06149795024350276])
def products(n, m):
    x = wave(n, m)
    v = np.cos(np.arange(n) * 0.1)
    w = np.cos(np.arange(n * 3) * 0.2).reshape(n, 3)
    a = (x.T * 0.5) @ v
    b = (x.T * 0.5) @ w
    c = np.ascontiguousarray(x.T * 0.5) @ w
    return float(a.sum()), float(b.sum()), float(c.sum()), a[:3].tolist(), b[0].tolist()


# run: f_loops(4, 6)
# expect: ([[-1.0, -3.6147273172407632, 1.5637967242648445, -0.8991308583365899], [0.932653061713073, -3.947357837872998, -0.042704912951943674, 1.008709286589803], [1.9563491899653807, -2.8937999136169648, -2.0994373877557804, 1.9718220670846112], [1.589628099946622, -0.9495582985469508, -3.6390872799150102, 1.5372404934288029], [0.00496445046771532, 0.9709597961563672, -3.937533187453952, -0.09064492976288807], [-2.0523496830688597, 1.9645047016310007, -2.854411336711104, -2.1462142515520175]], [[1.0, -0.7431515448271755, 2.709197816176563, 1.0672460944422735], [-0.644217687237691, -0.9649052252486652, -0.3190983623493521, 2.339139524393202], [-0.9854497299884601, -0.26253327574464325, 0.36647912925192677, 2.9812147113897405], [-0.8632093666488739, 1.0336278009686994, 0.87969575997167, 2.6914936622858683], [-0.3349881501559051, 2.313973197437578, 0.9791777291513174, 1.606236713491408], [0.35078322768961984, 2.9763364677540007, 0.6181371122370347, 0.23585716563198833]], [[0.5, 1.4112504704077404, 1.3371129967918174, 0.49417086760643136], [0.9838106030240118, 1.026556076856593, 0.451286872819353, 0.5658493731163264], [0.6240013491323917, 0.3424868285181739, 0.11037894878991805, 0.5015527130763529], [0.48071140455532063, -0.23329772693669537, 0.6927905667961265, 0.8142470486983631], [0.6225311000625463, 0.999535969752869, 1.306880534984309, 0.967918247932386], [1.0723546999373896, 1.49399583200102, 1.2613332585519599, 1.0259818081221619]], ((8, 48), False, True), ((8, 48), False, True), [[0.06724609444227339, 1.7091978161765629, -1.7431515448271755, 0.0], [1.339139524393202, 0.6381967246987043, -1.9649052252486652, 1.288435374475382], [1.9812147113897407, -0.7329582585038535, -1.2625332757446432, 1.9708994599769203], [1.6914936622858685, -1.75939151994334, 0.033627800968699426, 1.7264187332977479], [0.606236713491408, -1.9583554583026348, 1.3139731974375781, 0.6699763003118102], [-0.7641428343680117, -1.2362742244740694, 1.9763364677540005, -0.7015664553792397]])
def f_loops(n, m):
    # F-contiguous results and targets run their loops in memory order (fuse.c nest_reversed): the same values
    x = wave(n, m)
    y = np.cos(np.arange(m * n) * 0.3).reshape(m, n)
    out = np.zeros_like(x.T)
    out[:] = x.T * 2.0 + 1.0
    out[1:, ::2] = -x.T[1:, ::2]
    g = np.asfortranarray(y)
    g[:, :] = g * 0.5 + np.sqrt(np.abs(x.T))
    return (x.T * 3.0 - 1.0).tolist(), out.tolist(), g.tolist(), order_of(out), order_of(g), (x.T[:, ::-1] * 2.0).tolist()


# run: empty_strides(0)
# expect: ((0, 0, 0), (0, 0, 0), (0, 0), (16, 16, 8), (0,), (16, 8), (8, 8), (8,), (48, 8), (24, 8), (0, 0), (0, 0), (8,), True, True, 0.0)
def empty_strides(n):
    # a new empty array has all strides 0 (NumPy's allocation); a reshape of one counts its empty axes as length 1
    z = np.zeros((3, n, 2))
    return (z.strides, (-z).strides, np.empty((n, 3)).strides, np.arange(0.0).reshape(3, n, 2).strides, np.zeros(n).strides,
            np.zeros((2, n)).reshape(n, 2).strides, np.zeros((n, 3)).reshape(3, n).strides, np.zeros((3, n)).ravel().strides,
            np.zeros((2, n, 3)).reshape(n, 6).strides, np.zeros((2, 3))[:, :n].strides, (np.zeros((2, 3))[:, :n] * 2).strides,
            np.zeros((2, n)).T.copy().strides, np.ones((n, 2)).sum(axis=0).strides, np.zeros((n, 2)).flags.c_contiguous,
            np.zeros((n, 2)).T.flags.f_contiguous, float(np.zeros((4, n)).sum()))


# np.nonzero / np.where(c) / a.nonzero(): the columns of one (count, ndim) array, as NumPy's PyArray_Nonzero returns
# them; np.argwhere: NumPy's transpose(nonzero(a)), F-contiguous; svd, qr and lstsq: each result its own C array
# (kiln packs them in one array and copies the parts out)
# run: result_layouts(4, 5)
# expect: ([((16,), False, False), ((16,), False, False), ((16,), False, False), ((16,), False, False), ((16,), False, False), ((16,), False, False), ((8,), True, True), ((8,), True, True), ((0,), True, True), ((8,), True, True), ((8,), True, True), ((8,), True, True), ((0,), True, True), ((8,), True, True)], [((8, 72), False, True), ((8, 72), False, True), ((32, 8), True, False), ((40, 8), True, False), ((32, 8), True, False), ((40, 8), True, False), ((32, 8), True, False), ((32, 8), True, False), ((40, 8), True, False), ((32, 8), True, False), ((16, 8), True, False), ((16, 8), True, False)], [0, 0, 0, 0, 1, 2, 2, 2, 2, 3, 3], [1, 2, 3, 4, 4, 0, 1, 2, 3, 3, 4], [[1, 0], [1, 1], [1, 2], [1, 3], [2, 4], [3, 0], [3, 1], [3, 2]])
def result_layouts(n, m):
    x = wave(n, m)
    vec = []
    for r in np.nonzero(x > 0.2) + np.where(x > 0.5) + (x > 0).nonzero() + np.nonzero(x[0] > 0):
        vec.append(order_of(r))
    mat = [order_of(np.argwhere(x > 0.1)), order_of(np.argwhere(x.reshape(2, n // 2, m) > 0.1))]
    for r in (np.linalg.svd(x)[0], np.linalg.svd(x)[2], np.linalg.svd(x, full_matrices=False)[0],
              np.linalg.svd(x, full_matrices=False)[2], np.linalg.qr(x.T)[0], np.linalg.qr(x.T)[1],
              np.linalg.qr(x.T, mode="complete")[0], np.linalg.qr(x.T, mode="complete")[1]):
        mat.append(order_of(r))
    sol, res, rank, s = np.linalg.lstsq(x, x[:, 0], rcond=None)
    vec += [order_of(sol), order_of(res), order_of(s), order_of(np.linalg.svd(x)[1])]
    sol, res, rank, s = np.linalg.lstsq(x.T, np.arange(m) * 1.0, rcond=None)
    vec += [order_of(sol), order_of(res), order_of(s)]
    sol2, res, rank, s = np.linalg.lstsq(x, x[:, :2], rcond=None)
    mat.append(order_of(sol2))
    sol2, res, rank, s = np.linalg.lstsq(x.T, x.T[:, :2], rcond=None)
    mat.append(order_of(sol2))
    i, j = np.nonzero(x > 0)
    return vec, mat, i.tolist(), j.tolist(), np.argwhere(x < 0).tolist()
