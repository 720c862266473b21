"""NumPy's index-making functions and indexing along an axis (lower/npindex.c: triu_indices, tril_indices,
diag_indices, indices, take_along_axis, put_along_axis) and its wrappers of other functions (lower/npwrap.c:
tensordot, atleast_1d/3d, hsplit/vsplit/dsplit, matrix_transpose, cumulative_sum/prod, isposinf/isneginf,
iscomplex/isreal(obj), ediff1d, ndim/shape/size) and NumPy 2's other names (concat, permute_dims, asanyarray),
compared with NumPy on every tier: values, dtypes, shapes, strides (views) and the writes' reach."""
import numpy as np
import pytest

import kiln
import npcompare
from npcompare import TIERS



def same(f, *args):
    npcompare.same(f, *args, strides=True)


def k_tri(n, k, m):
    return np.triu_indices(n, k, m), np.tril_indices(n, k, m), np.triu_indices(n), np.tril_indices(n, -1)


def k_diag(n):
    a = np.zeros((n, n, n))
    a[np.diag_indices(n, 3)] = 1.0
    b = np.zeros((n, n), dtype=np.int32)
    b[np.diag_indices(n)] = 7
    return a, b, np.diag_indices(n)


def k_indices(n):
    return np.indices((n, 3)), np.indices((2, n, 2), dtype=np.int32), np.indices((n,)), np.indices((n, 2), sparse=True)


def k_along(a, i):
    return np.take_along_axis(a, i, axis=1), np.take_along_axis(a, i, axis=-1)


def k_along0(a, i):
    return np.take_along_axis(a, i, axis=0)


def k_sorted_along(a):
    idx = np.argsort(a, axis=1)
    top = np.take_along_axis(a, idx[:, ::-1][:, :2], axis=1)
    b = a.copy()
    np.put_along_axis(b, idx[:, :1], -1.0, axis=1)
    c = a.copy()
    np.put_along_axis(c, np.argmax(a, axis=0)[None, :], np.arange(a.shape[1]) * 10.0, axis=0)
    return top, b, c, np.take_along_axis(a.ravel(), np.array([3, 0, -1]), axis=None)


def k_tensordot(a, b, c):
    return (np.tensordot(a, b, axes=1), np.tensordot(a, b.T, axes=([1], [1])), np.tensordot(c, c, axes=([0, 2], [0, 2])),
            np.tensordot(c, a, axes=((1,), (0,))), np.tensordot(a, a, axes=2), np.tensordot(a[0], b[:, 0], axes=0))


def k_atleast(x, v, m, t):
    a1 = np.atleast_1d(x)
    a3 = np.atleast_3d(v)
    a3[0, 1, 0] = 99.0  # a view of v
    return a1, np.atleast_1d(v, m), a3, np.atleast_3d(x), np.atleast_3d(m), np.atleast_3d(t), v


def k_splits(m, t, v):
    return np.hsplit(m, 2), np.vsplit(m, [1, 3]), np.dsplit(t, 2), np.hsplit(v, [2]), np.concat((m, m), axis=1)


def k_transposes(t):
    return np.matrix_transpose(t), np.permute_dims(t, (2, 0, 1)), np.asanyarray(t)


def k_cumulative(v, m):
    return (np.cumulative_sum(v), np.cumulative_prod(v + 1), np.cumulative_sum(m, axis=1), np.cumulative_sum(v, include_initial=True),
            np.cumulative_prod(m, axis=0, include_initial=True))


def k_tests(x, z):
    return (np.isposinf(x), np.isneginf(x), np.iscomplex(z), np.isreal(z), np.iscomplex(x), np.isreal(x), np.iscomplexobj(z),
            np.isrealobj(x), np.isreal(2.5), np.isposinf(np.inf), np.isneginf(-np.inf))


def k_ediff(v, m):
    return np.ediff1d(v), np.ediff1d(m), np.ediff1d(v, to_end=np.array([100.0, 200.0]), to_begin=-5), np.ediff1d(m, to_begin=[1, 2])


def k_sizes(m, t):
    return np.ndim(m), np.shape(t), np.size(t), np.size(t, 1), np.ndim(3.0), np.shape(2), np.size(np.float32(1))


def test_tri_indices():
    for n, k, m in [(4, 0, 4), (4, 1, 6), (5, -2, 3), (3, 5, 3), (0, 0, 0)]:
        same(k_tri, n, k, m)


def test_diag_and_indices():
    same(k_diag, 3)
    same(k_indices, 3)
    same(k_indices, 0)


def test_along_axis():
    rng = np.random.default_rng(1)
    a = rng.random((4, 5))
    same(k_along, a, rng.integers(-5, 5, size=(4, 3)))
    same(k_along, a, rng.integers(0, 5, size=(1, 7)))  # broadcast along axis 0
    same(k_along0, a, rng.integers(0, 4, size=(2, 5)))
    same(k_along, a, np.array([[9, 0, 1, 2]] * 4))  # IndexError
    same(k_sorted_along, a)
    same(k_sorted_along, a[:, ::2])


def test_tensordot():
    rng = np.random.default_rng(2)
    a = rng.standard_normal((3, 4))
    b = rng.standard_normal((4, 5))
    c = rng.standard_normal((2, 3, 4))
    same(k_tensordot, a, b, c)
    same(k_tensordot, a.astype(np.float32), b.astype(np.float32), c.astype(np.float32))
    same(k_tensordot, a, b[:3], c)  # shape-mismatch for sum


def test_shapes_and_splits():
    m = np.arange(12.0).reshape(4, 3).T.copy()  # (3, 4)
    t = np.arange(24.0).reshape(2, 3, 4)
    v = np.arange(6.0)
    same(k_atleast, 5.0, v, m, t)
    same(k_atleast, np.array(2.5), v[::2], m[:, 1:], t)
    same(k_splits, np.arange(16.0).reshape(4, 4), t, v)
    same(k_transposes, t)
    same(k_transposes, t[:, ::2])
    same(k_cumulative, v, m)
    same(k_cumulative, v.astype(np.int32), m.astype(np.float32))
    same(k_sizes, m, t)


def test_tests_and_ediff():
    x = np.array([1.0, np.inf, -np.inf, np.nan, -0.0, 0.0])
    z = np.array([1 + 0j, 2 - 1j, -0j, complex(0, np.nan)])
    same(k_tests, x, z)
    same(k_ediff, np.array([1.0, 4.0, 9.0, 16.0]), np.arange(6, dtype=np.int32).reshape(2, 3) ** 2)


def k_bad_tensordot(a):
    return np.tensordot(a, a, axes=3)


def k_bad_along(a):
    return np.take_along_axis(a, np.zeros(3, dtype=np.int64), axis=1)


def k_bad_vsplit(v):
    return np.vsplit(v, 2)


def k_bad_cumulative(m):
    return np.cumulative_sum(m)


@pytest.mark.parametrize("f,arg", [(k_bad_tensordot, np.ones((2, 2))), (k_bad_along, np.ones((2, 3))),
                                   (k_bad_vsplit, np.ones(4)), (k_bad_cumulative, np.ones((2, 2)))])
def test_refused(f, arg):
    with pytest.raises(Exception):
        f(arg)
    for t in TIERS:
        with pytest.raises(kiln.CompileError):
            kiln.jit(f, tier=t)(arg)
