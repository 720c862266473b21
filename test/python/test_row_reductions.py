"""Reductions kiln now computes inline instead of through the runtime's call, compared bit for bit with NumPy on every
tier: a float sum or mean along axis 1 of a 2-d expression or C-contiguous array whose rows are short (lower/fuse.c
ew_sum_rows: each row in NumPy's pairwise order; long rows, other layouts through the runtime), argmin/argmax of
short 1-d arrays (lower/reduction.c arg_small: the first extreme, the first NaN), and the runtime's faster paths
(rt/reduce.c: short rows along the last axis, counts of bools, identities; back/frame.c: copies and fills a row at
a time)."""
import numpy as np
import pytest

from npcompare import same



def k_dist(C, x):
    return ((C - x) ** 2).sum(axis=1), np.sum(C * x, axis=-1), (C + 0.5).mean(axis=1), C.sum(axis=1), C.mean(1)


def k_bcast(A, b):
    return (A[:1] * b).sum(axis=1), (A - b[:, None] if b.shape[0] == A.shape[0] else A).sum(axis=1)


def k_views(A):
    return A[:, ::2].sum(axis=1), A.T.sum(axis=1), np.asfortranarray(A).sum(axis=1), A[::-1].mean(axis=1)


def k_loop(X, C):
    labels = np.empty(X.shape[0], dtype=np.int64)
    for i in range(X.shape[0]):
        labels[i] = np.argmin(((C - X[i]) ** 2).sum(axis=1))
    return labels


def rows(rng, n0, n1, dt):
    A = rng.normal(size=(n0, n1)).astype(dt) * 10.0 ** rng.integers(-3, 4, size=(n0, n1))
    if A.size:
        A.flat[rng.integers(0, A.size, size=3)] = [-0.0, np.nan, np.inf][: min(3, A.size)]
    return A


@pytest.mark.parametrize("dt", [np.float64, np.float32])
def test_row_sums(dt):
    rng = np.random.default_rng(7)
    for n0, n1 in [(8, 2), (5, 3), (4, 7), (3, 8), (6, 9), (2, 16), (3, 127), (2, 128), (2, 129), (3, 300), (0, 4),
                   (4, 0), (1, 1), (1, 5)]:
        A = rows(rng, n0, n1, dt)
        x = rng.normal(size=n1).astype(dt)
        same(k_dist, A, x)
        same(k_bcast, A, x)
        same(k_views, A)


def test_negative_zero_rows():
    A = np.array([[-0.0, -0.0], [-0.0, 0.0], [0.0, -0.0]])
    same(k_dist, A, np.zeros(2))
    same(k_views, A)


def test_assignment_loop():
    rng = np.random.default_rng(3)
    same(k_loop, rng.random((300, 2)), rng.random((8, 2)))
    same(k_loop, rng.random((50, 3)), rng.random((40, 3)))  # 40 centres: argmin through the runtime


def k_arg(a):
    return np.argmin(a), np.argmax(a), a.argmin(), a[::-1].argmax()


@pytest.mark.parametrize("dt", [np.float64, np.float32, np.int64, np.int8, np.uint8, np.uint64, np.int32])
def test_arg_short(dt):
    rng = np.random.default_rng(11)
    for n in [1, 2, 3, 8, 31, 32, 33, 100]:
        for _ in range(4):
            if np.dtype(dt).kind == "f":
                a = rng.integers(-3, 4, size=n).astype(dt)  # ties
                if n > 2:
                    a[rng.integers(0, n)] = np.nan
                    a[rng.integers(0, n)] = -0.0
            elif np.dtype(dt).kind == "u":
                a = rng.integers(0, np.iinfo(dt).max, size=n, dtype=dt, endpoint=True)
            else:
                a = rng.integers(np.iinfo(dt).min, np.iinfo(dt).max, size=n, dtype=dt, endpoint=True)
            same(k_arg, a)
    same(k_arg, np.array([np.nan, 1.0, np.nan]))
    same(k_arg, np.array([2.0, np.nan, 0.0, np.nan]))
    same(k_arg, np.array([0.0, -0.0, 0.0]))
    same(k_arg, np.zeros(0))  # ValueError: attempt to get argmin of an empty sequence


def k_count(m):
    return m.sum(), np.count_nonzero(m), m[::2].sum(), (m[:, None] & m[None, :]).sum(axis=1), m.reshape(-1, 2).sum(0)


def k_mask(a):
    return a[a > 0.5], a[::-1][a[::-1] > 0.5], a.reshape(2, -1)[a.reshape(2, -1) < 0.2], a[a > 2.0], a[a == a]


def k_copies(a, n):
    g = a.reshape(4, -1)
    t = 0.0
    for _ in range(n):
        g = g.copy()
        g[0, 0] += 1.0
        t += g.T.copy()[1, 0]
    return t, g, np.full((3, 5), 2.5), np.zeros((2, 3)) + a[:3]


def test_runtime_paths():
    rng = np.random.default_rng(5)
    a = rng.random(40)
    a[3] = np.nan
    same(k_count, rng.random(50) > 0.5)
    same(k_count, np.zeros(0, dtype=bool))
    same(k_mask, a)
    same(k_copies, a, 7)
    A = rng.random((30, 20, 2))
    same(lambda A: (A.sum(axis=-1), A.sum(axis=-1, keepdims=True), A[:, :, :1].sum(axis=2), A.mean(axis=2)), A)
    same(lambda A: (A[..., 0].sum(axis=-1), A.reshape(30, 40).sum(axis=1)), A.astype(np.float32))


def k_copy(a):
    return a.copy(), np.copy(a), a.copy().sum()


def k_fill(a, v):
    a[...] = v
    return a


def k_views_copied(a):
    b = a.reshape(a.shape[0], -1)
    f = b.copy()
    f[:, :1] = -1.0
    g = b.copy()
    g[::2] = 7.0
    return (b[:, :2].copy(), b[:, 1:].copy(), b.T.copy(), b[::2].copy(), b[:, ::-1].copy(), b[1:, :2].copy(),
            b[:, :2].T.copy(), f, g)


def k_views_copied3(a):
    return a[..., :1].copy(), a.T.copy(), a[::-1, ..., ::2].copy(), a[:, 1:].copy()


def test_copies_and_fills_of_views():
    """a copy or fill goes a row at a time, its trailing axes merged where they lie one after another in memory: every
    kind of view (transposes, reversed and stepped slices, stretched axes) against NumPy"""
    rng = np.random.default_rng(9)
    base = rng.random((4, 6, 5))
    views = [base, base.T, base.transpose(1, 0, 2), base[:, ::2], base[::-1], base[:, :, ::-2], base[1:3, 2:5, 1:4],
             base[:, 0], base[:, :, 0], base[0].T, np.asfortranarray(base), np.asfortranarray(base)[:, 1:],
             base.reshape(24, 5)[::3], base[..., :1], np.broadcast_to(base[:, :1], (4, 6, 5)), base[:0], base[2, 3]]
    for v in views:
        same(k_copy, v)
        same(k_copy, v.astype(np.int8))
        same(k_copy, (v + 1j * v).astype(np.complex128))
    for v in [base.copy().T, base.copy()[:, ::2], np.asfortranarray(base.copy()), base.copy()[::-1, :, 1:]]:
        same(k_fill, v, 2.5)
    for shape in [(3, 3), (4, 2), (2, 4), (3, 3, 3), (2, 4, 2), (5, 1, 5)]:
        same(k_views_copied, rng.random(shape))  # views made inside the kernel (the package may pass arguments' copies)
        same(k_views_copied3, rng.random(shape))
    for _ in range(120):  # random slices of random arrays, transposed at random
        nd = int(rng.integers(1, 4))
        a = rng.random(tuple(int(x) for x in rng.integers(1, 6, size=nd)))
        sl = tuple(slice(int(rng.integers(0, n)), None, int(rng.choice([1, 1, 2, -1]))) for n in a.shape)
        v = a[sl].transpose(tuple(rng.permutation(nd)))
        same(k_copy, v)
        same(k_fill, v.copy(order="A") if rng.integers(0, 2) else a.copy()[sl], 0.5)
