"""reshape and ravel of views as NumPy makes them: a view wherever NumPy's reshape (its no-copy attempt, decided
from the strides when it runs) or ravel (a C-contiguous array) gives one, a copy elsewhere, with NumPy's strides
either way, so writes through the result reach the original exactly where NumPy's do. Random views (slices with
steps, reversals, transposes, length-1 and empty axes) of 3-d arrays, reshaped to random shapes of the same size,
on every tier."""
import numpy as np
import pytest

import kiln

TIERS = ["interp", "baseline", "opt"]


def _r1(v, a):
    r = v.reshape(a)
    if r.size:
        r.flat[0] = -1.0
    return r.strides, r.shape


def _r2(v, a, b):
    r = v.reshape(a, b)
    if r.size:
        r[0, 0] = -1.0
    return r.strides, r.shape


def _r3(v, a, b, c):
    r = v.reshape((a, b, c))
    if r.size:
        r[0, 0, 0] = -1.0
    return r.strides, r.shape


def _r4(v, a, b, c, d):
    r = v.reshape(a, b, c, d)
    if r.size:
        r[0, 0, 0, 0] = -1.0
    return r.strides, r.shape


def _ravel(v):
    r = v.ravel()
    if r.size:
        r[0] = -1.0
    return r.strides, np.ravel(v).strides


KERNELS = {1: _r1, 2: _r2, 3: _r3, 4: _r4}


def _views(rng, count):
    for _ in range(count):
        shape = tuple(int(x) for x in rng.integers(1, 5, 3))
        base = np.arange(float(np.prod(shape) * 8)).reshape(tuple(s * 2 for s in shape[:2]) + (shape[2] * 2,))
        idx = []
        for ax, n in enumerate(base.shape):
            step = int(rng.choice([1, 1, 2, -1, 3]))
            start = int(rng.integers(0, n))
            stop = n if step > 0 else None
            if rng.random() < 0.1:
                stop = start  # an empty axis
            idx.append(slice(start, stop, step) if step > 0 else slice(start, None, step))
        v = base[tuple(idx)]
        if rng.random() < 0.4:
            v = v.transpose(tuple(int(x) for x in rng.permutation(3)))
        yield base, v


def _shapes(rng, size):
    """random shapes of `size` elements, 1 to 4 axes, with length-1 axes among them"""
    out = []
    for nd in (1, 2, 3, 4):
        for _ in range(3):
            dims, left = [], size
            for k in range(nd - 1):
                divs = [d for d in range(1, left + 1) if left % d == 0] if left else [0, 1]
                d = int(rng.choice(divs))
                dims.append(d)
                left = left // d if d else 0
            dims.append(left if size else 0)
            if int(np.prod(dims)) == size:
                out.append(tuple(dims))
    return out


@pytest.mark.parametrize("tier", TIERS)
def test_reshape_of_views_as_numpy(tier):
    rng = np.random.default_rng(2026)
    jitted = {k: kiln.jit(f, tier=tier) for k, f in KERNELS.items()}
    checked = 0
    for base, v in _views(rng, 60):
        for shp in _shapes(rng, v.size):
            b1, b2 = base.copy(), base.copy()
            off = v.__array_interface__["data"][0] - base.__array_interface__["data"][0]
            w1 = np.ndarray(v.shape, v.dtype, b1, off, v.strides)
            w2 = np.ndarray(v.shape, v.dtype, b2, off, v.strides)
            want = KERNELS[len(shp)](w1, *shp)
            got = jitted[len(shp)](w2, *shp)
            assert tuple(got) == want, (v.shape, v.strides, shp)
            assert b1.tobytes() == b2.tobytes(), (v.shape, v.strides, shp)  # the writes reach the same elements
            checked += 1
    assert checked > 300


@pytest.mark.parametrize("tier", TIERS)
def test_ravel_of_views_as_numpy(tier):
    rng = np.random.default_rng(7)
    f = kiln.jit(_ravel, tier=tier)
    for base, v in _views(rng, 80):
        b1, b2 = base.copy(), base.copy()
        off = v.__array_interface__["data"][0] - base.__array_interface__["data"][0]
        w1 = np.ndarray(v.shape, v.dtype, b1, off, v.strides)
        w2 = np.ndarray(v.shape, v.dtype, b2, off, v.strides)
        assert f(w2) == _ravel(w1), (v.shape, v.strides)
        assert b1.tobytes() == b2.tobytes(), (v.shape, v.strides)
