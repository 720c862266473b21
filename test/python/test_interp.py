"""np.interp (lower/npmisc.c): NumPy's arr_interp step for step, its interval found by NumPy's binary search with a
guess (the last interval tried first, then its neighbours, then bisection within 8 of it, a linear scan of up to 4
points). Compared bit for bit with NumPy on every tier: sorted and unsorted sample points (NumPy's answer for an xp
that is not increasing depends on that search: a plain binary search gives other values), sorted and shuffled x,
NaNs, infinities, ties, left/right, scalar x and the short-xp scan."""
import numpy as np
import pytest

import kiln

TIERS = ["interp", "baseline", "opt"]


def plain(x, xp, fp):
    return np.interp(x, xp, fp)


def bounded(x, xp, fp):
    return np.interp(x, xp, fp, left=-1.0, right=9.0)


def at_point(xp, fp):
    return np.interp(0.25, xp, fp), np.interp(float("nan"), xp, fp)


def cases(seed, count):
    rng = np.random.default_rng(seed)
    for trial in range(count):
        n = int(rng.integers(1, 40)) if trial % 4 else int(rng.integers(1, 5))
        xp = rng.normal(size=n).round(1)  # ties among the points
        if trial % 3:
            xp = np.sort(xp)
        fp = rng.normal(size=n)
        if trial % 7 == 0:
            fp[rng.integers(0, n)] = np.inf
        x = rng.normal(size=int(rng.integers(0, 60))) * 1.5
        if trial % 2:
            x = np.sort(x)
        if trial % 5 == 0 and x.size:
            x[0] = np.nan
        yield x, xp, fp


def bits(v):
    return np.asarray(v, dtype=np.float64).view(np.int64).tolist()


@pytest.mark.parametrize("tier", TIERS)
def test_interp_bits(tier):
    kp, kb, ka = (kiln.jit(f, tier=tier) for f in (plain, bounded, at_point))
    for x, xp, fp in cases(5, 200):
        assert bits(kp(x, xp, fp)) == bits(plain(x, xp, fp)), (x, xp, fp)
        assert bits(kb(x, xp, fp)) == bits(bounded(x, xp, fp)), (x, xp, fp)
        assert bits(ka(xp, fp)) == bits(at_point(xp, fp)), (xp, fp)


def test_unsorted_points_follow_numpy_search():
    """an xp that is not increasing: the guess search's interval, not a bisection's (this case differs between them)"""
    xp = np.array([0.0, 3.0, 1.0, 2.0, 5.0, 4.0, 6.0])
    fp = np.arange(7.0)
    x = np.array([2.5, 1.5, 4.5, 0.5, 5.5])
    want = np.interp(x, xp, fp)
    j = np.searchsorted(xp, x, side="right") - 1  # what a bisection finds
    bisect = (fp[j + 1] - fp[j]) / (xp[j + 1] - xp[j]) * (x - xp[j]) + fp[j]
    assert not np.array_equal(want, bisect)
    for t in TIERS:
        assert bits(kiln.jit(plain, tier=t)(x, xp, fp)) == bits(want)
