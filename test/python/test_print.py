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


def test_print_errors_name_the_item():
    def arr(n):
        print(np.zeros(n) * 1j)
    with pytest.raises(kiln.CompileError, match="print\\(\\) of a complex128 array is not supported yet"):
        kiln.jit(arr)(2)
