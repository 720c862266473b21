"""print() in kernels writes what CPython writes, to sys.stdout (so redirection and capture work), on every tier."""
import contextlib
import io

import numpy as np
import pytest

import kiln
import print_kernels

TIERS = ["interp", "baseline", "opt", "auto"]


def captured(f, args):
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        r = f(*args)
    return buf.getvalue(), r


@pytest.mark.parametrize("tier", TIERS)
@pytest.mark.parametrize("case", print_kernels.CASES, ids=[c[0].__name__ for c in print_kernels.CASES])
def test_print_matches_cpython(case, tier):
    f, args = case
    want = captured(f, args)
    got = captured(kiln.jit(tier=tier)(f), args)
    assert got == want


def test_complex_arrays_print_as_numpy():
    """complex arrays (NumPy's ComplexFloatingFormat: the real parts' format, the imaginary parts' with every sign,
    'j' before the padding) against NumPy on random values of every magnitude, nan and inf among them, both dtypes"""
    f = kiln.jit(print_kernels.complex_arrays)
    rng = np.random.default_rng(7)
    special = np.array([np.nan, np.inf, -np.inf, -0.0, 0.0, 1e-300, 1e300, 0.1])
    for trial in range(300):
        n = int(rng.integers(1, 9))
        scale = 10.0 ** rng.integers(-12, 13, 2)
        a = rng.standard_normal(n) * scale[0] + 1j * rng.standard_normal(n) * scale[1]
        if trial % 3 == 0:
            a.real[rng.integers(0, n)] = special[rng.integers(0, 8)]
            a.imag[rng.integers(0, n)] = special[rng.integers(0, 8)]
        if trial % 5 == 0:
            a = np.round(a, int(rng.integers(0, 4)))
        assert captured(f, (a,)) == captured(print_kernels.complex_arrays, (a,)), a


def test_print_errors_name_the_item():
    def arr(n):
        print([np.array(n)])
    with pytest.raises(kiln.CompileError, match="print\\(\\) of a 0-d array inside a container is not supported yet"):
        kiln.jit(arr)(2)
