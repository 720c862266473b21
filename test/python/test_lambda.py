"""kiln.jit of a lambda: the package finds the lambda in its file (its line, its parameters, and where its body
starts when one line holds several) and compiles `def NAME(params): return BODY` in its place (python/kiln/_source.py);
a kernel calling a lambda kernel by the global name it is bound to compiles it under that name. Lambdas without a
file (exec, eval) are refused with the reason."""
import numpy as np
import pytest

import kiln

TIERS = ["interp", "baseline", "opt"]
SHIFT = 0.5

sq = kiln.jit(lambda x: x * x)
pair = [kiln.jit(lambda x: x + 1), kiln.jit(lambda x: x * 10)]
spanning = kiln.jit(
    lambda x, y=2.0:
        x * y + SHIFT)


@kiln.jit
def sum_sq(a):
    s = 0.0
    for v in a:
        s += sq(v)
    return s


@pytest.mark.parametrize("t", TIERS)
def test_lambdas(t):
    f = kiln.jit(tier=t)(lambda a, b: a + b)
    assert f(1, 2) == 3 and f(1.5, 2) == 3.5
    assert sq(3) == 9 and sq(1.5) == 2.25
    assert pair[0](1) == 2 and pair[1](1) == 10
    assert spanning(3.0) == 6.5 and spanning(3.0, 4.0) == 12.5 and spanning(3.0, y=1.0) == 3.5
    g = kiln.jit(tier=t)(lambda a: np.sqrt(a).sum() + SHIFT)
    assert g(np.array([4.0, 9.0])) == 5.5


def test_called_by_a_kernel():
    assert sum_sq(np.arange(4.0)) == 14.0


def _adder(c):
    return kiln.jit(lambda x: x + c)  # c: a constant of the closure


def test_closure():
    assert _adder(5)(1) == 6 and _adder(0.5)(1) == 1.5


def test_no_source():
    f = eval("lambda x: x + 1")
    with pytest.raises(kiln.CompileError, match="kiln cannot"):
        kiln.jit(f)(1)


def test_vectorize():
    v = kiln.vectorize(lambda x, y: x * y + SHIFT)
    assert np.array_equal(v(np.arange(3.0), 2.0), np.arange(3.0) * 2.0 + SHIFT)
    with pytest.raises(TypeError, match="def or lambda"):
        kiln.vectorize(np.sin)
