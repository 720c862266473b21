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
# expect: (0.4039398456374002, 2.659994963512535, 2.659994963512532, [-0.21317877542010322, -0.051935383332653684, 0.13373403104907056], [-0.03436543227377808, 0.013842181022787965, 0.06149795024350276])
def products(n, m):
    x = wave(n, m)
    v = np.cos(np.arange(n) * 0.1)
    w = np.cos(np.arange(n * 3) * 0.2).reshape(n, 3)
    a = (x.T * 0.5) @ v
    b = (x.T * 0.5) @ w
    c = np.ascontiguousarray(x.T * 0.5) @ w
    return float(a.sum()), float(b.sum()), float(c.sum()), a[:3].tolist(), b[0].tolist()
