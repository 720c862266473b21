"""The memory order of new arrays (rt/order.c): an elementwise expression, astype, np.copy, np.array and the _like
constructors lay their result out as NumPy 2 does (order 'K': a ufunc's result follows its operands' strides), on
random views — transposed, sliced with steps, reversed, with length-1 and broadcast axes — of several dtypes. The
order shows in .strides and .flags, and in the bits of what reads the result in memory order: a float sum (NumPy's
pairwise order over memory) and a matrix product (the BLAS kernel the layout picks)."""
import numpy as np
import pytest

import kiln

TIERS = ["interp", "baseline", "opt"]


def neg(a, b, c):
    return -a


def scaled_sum(a, b, c):
    return a * 2.0 + b


def nested(a, b, c):
    return (a + 1.0) * (b - c)


def where3(a, b, c):
    return np.where(a > 0.5, b, c)


def mixed(a, b, c):
    return (a > 0.3) + np.sqrt(np.abs(b)) * c


def cast32(a, b, c):
    return a.astype(np.float32)


def cast_int(a, b, c):
    return (a * 10.0).astype(np.int16) + np.int16(1)


def copies(a, b, c):
    return np.copy(a) + np.array(b) * 0.0


def zeros_like(a, b, c):
    return np.zeros_like(a)


def ones_like(a, b, c):
    return np.ones_like(b) * c


def summed(a, b, c):
    return (a * 3.0 - b).sum()


def product(a, b, c):
    return (a * 0.5).T @ (b + c)[:, : a.shape[0]].T


KERNELS = [neg, scaled_sum, nested, where3, mixed, cast32, cast_int, copies, zeros_like, ones_like]


def view(rng, shape, dtype):
    """a random view of the given shape: its axes permuted, each taken with a step of 1, 2, -1 or -2"""
    nd = len(shape)
    axes = list(rng.permutation(nd))
    steps = [int(rng.choice([1, 1, 2, -1, -2])) for _ in range(nd)]
    base_shape = [shape[axes[i]] * abs(steps[i]) for i in range(nd)]
    base = (rng.random(base_shape) * 2.0 - 0.5).astype(dtype)
    v = base[tuple(slice(None, None, s) for s in steps)]
    return v.transpose([axes.index(i) for i in range(nd)])


def operands(rng):
    nd = int(rng.choice([2, 2, 3, 3, 4]))
    shape = [int(rng.choice([1, 2, 3, 5])) for _ in range(nd)]
    out = []
    for _ in range(3):
        m = int(rng.choice([nd, nd, nd, nd - 1]))
        sh = [d if rng.random() < 0.85 else 1 for d in shape[nd - m:]]
        out.append(view(rng, sh, rng.choice([np.float64, np.float64, np.float32])))
    return out


def same(want, got):
    if isinstance(want, np.ndarray):
        return (isinstance(got, np.ndarray) and got.dtype == want.dtype and got.shape == want.shape
                and got.strides == want.strides and got.flags.c_contiguous == want.flags.c_contiguous
                and got.flags.f_contiguous == want.flags.f_contiguous and np.array_equal(got, want, equal_nan=True))
    return type(got) is type(want) and got == want


@pytest.mark.parametrize("t", TIERS)
def test_random_views(t):
    """every tier calls the same runtime routine; tier 2's compiles are slow, so it sees fewer cases"""
    rng = np.random.default_rng(20261207)
    jitted = {}  # one kernel object per argument signature: each stays under its specialization limit
    checked = 0
    rounds = 12 if t == "opt" else 120
    for _ in range(rounds):
        a, b, c = operands(rng)
        sig = tuple((x.dtype.char, x.ndim, x.flags.c_contiguous) for x in (a, b, c))
        for f in KERNELS:
            try:
                want = f(a, b, c)
            except ValueError:  # shapes that do not broadcast
                continue
            j = jitted.setdefault((f, sig), kiln.jit(tier=t)(f))
            got = j(a, b, c)
            assert same(want, got), (f.__name__, [(x.shape, x.strides, x.dtype.name) for x in (a, b, c)],
                                     want.strides, getattr(got, "strides", got))
            checked += 1
    assert checked > 5 * rounds


@pytest.mark.parametrize("t", TIERS)
def test_order_shows_in_sums_and_products(t):
    """arrays of 300 x 301 float64 (705 KiB): NumPy's operators compute into a temporary that large
    (a.T * 3.0 - b with b C-contiguous is F-contiguous, as a.T * 3.0 is), smaller ones not (C-contiguous)"""
    rng = np.random.default_rng(7)
    s = kiln.jit(tier=t)(summed)
    e = kiln.jit(tier=t)(scaled_sum)
    p = kiln.jit(tier=t)(product)
    for shape in ((300, 301), (30, 31)):
        x = rng.standard_normal(shape)
        for a, b in ((x.T, x.T[::-1]), (x.T, np.ascontiguousarray(x.T)), (np.asfortranarray(x), x), (x, x.T.T)):
            want = summed(a, b, 0.0)
            assert s(a, b, 0.0) == want
            want = scaled_sum(-a, b, 0.0)
            assert same(e(-a, b, 0.0), want)
        w = rng.standard_normal(shape[::-1])
        assert np.array_equal(p(x.T, w.T, w.T), product(x.T, w.T, w.T))
        f = kiln.jit(tier=t)(lambda a, b: (a * 2.0) ** 2 - b)
        for a, b in ((x.T, np.ascontiguousarray(x.T)), (x, x)):
            want = (a * 2.0) ** 2 - b  # not inside an assert: pytest keeps its parts, and NumPy reuses no temporary then
            assert same(f(a, b), want)


def test_nested_calls_keep_their_own_order():
    """NumPy lays out each call's result from that call's operands: an outer product (C: its operands say nothing)
    added to a transposed matrix stays C, though the matrix alone would make it F"""
    f = kiln.jit(lambda r, c, m: r[:, None] * c[None, :] + m)
    r, c = np.arange(4.0), np.arange(3.0)
    m = np.arange(12.0).reshape(3, 4).T
    want = r[:, None] * c[None, :] + m
    got = f(r, c, m)
    assert got.strides == want.strides == (24, 8) and np.array_equal(got, want)
    g = kiln.jit(lambda m: m * 2.0 + 1.0)
    assert g(m).strides == (m * 2.0 + 1.0).strides == (8, 32)
