"""*args and keyword-only parameters through the package: extra positional arguments become the *args tuple (one
specialization per count and types), keyword-only parameters take their defaults, and keywords to such a kernel
are refused with the reason."""
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


def test_keywords_refused():
    total = kiln.jit(_total)
    with pytest.raises(TypeError, match="keyword-only"):
        total(1, scale=3.0)
