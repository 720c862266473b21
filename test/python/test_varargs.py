"""*args and keyword-only parameters through the package: extra positional arguments become the *args tuple (one
specialization per count and types), keyword-only parameters take their defaults or the keywords given, bound as
CPython binds them (kiln_call_bound), with CPython's TypeErrors for calls it refuses."""
import math

import numpy as np
import pytest

import kiln

TIERS = ["interp", "baseline", "opt"]


def _norm(*xs):
    return math.sqrt(sum(x * x for x in xs))


def _total(first, *rest, scale=2.0):
    s = first
    for r in rest:
        s += r
    return s * scale, rest


def _stack(n, *arrs):
    out = np.zeros(n)
    for a in arrs:
        out += a
    return out


@pytest.mark.parametrize("t", TIERS)
def test_varargs(t):
    norm, total, stack = (kiln.jit(tier=t)(f) for f in (_norm, _total, _stack))
    assert norm(3.0, 4.0) == 5.0 and norm() == 0.0 and norm(1, 2, 2) == 3.0
    assert total(1) == _total(1) and total(1.5, 2.5, 3.5) == _total(1.5, 2.5, 3.5)
    r = total(np.float32(1), 2)
    assert r == _total(np.float32(1), 2) and type(r[0]) is np.float32
    a, b = np.ones(3), np.arange(3.0)
    assert np.array_equal(stack(3, a, b), _stack(3, a, b)) and np.array_equal(stack(3), np.zeros(3))


def _scaled(x, y=3, *, z=1.0, w):
    return x * y + z * w


@pytest.mark.parametrize("t", TIERS)
def test_keywords(t):
    total, scaled = kiln.jit(tier=t)(_total), kiln.jit(tier=t)(_scaled)
    assert total(1, scale=3.0) == _total(1, scale=3.0) and total(1, 2, 3, scale=0.5) == _total(1, 2, 3, scale=0.5)
    assert total(first=2, scale=1.0) == _total(first=2, scale=1.0) and total(4) == _total(4)
    for args, kw in [((2,), {"w": 1.5}), ((2, 4), {"w": 1.0, "z": 2.0}), ((), {"x": 1, "y": 2, "w": 3}),
                     ((1.5,), {"z": -1.0, "w": 2.0, "y": 0})]:
        assert scaled(*args, **kw) == _scaled(*args, **kw)


@pytest.mark.parametrize("f,args,kw", [
    (_total, (1,), {"bogus": 1}), (_total, (1,), {"first": 2}), (_total, (1,), {"rest": (2,)}), (_total, (), {"scale": 1.0}),
    (_scaled, (1,), {}), (_scaled, (1, 2, 3), {"w": 1}), (_scaled, (1,), {"w": 1, "x": 2}), (_scaled, (), {"w": 1}),
    (_scaled, (1,), {"y": 2, "z": 3}), (_scaled, (1, 2, 3), {}), (_scaled, (1, 2, 3), {"z": 1, "w": 2})])
def test_keyword_errors(f, args, kw):
    """a call CPython refuses: kiln raises CPython's TypeError, word for word"""
    with pytest.raises(TypeError) as want:
        f(*args, **kw)
    with pytest.raises(TypeError) as got:
        kiln.jit(f)(*args, **kw)
    assert str(got.value) == str(want.value)
