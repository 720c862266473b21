"""np.copyto's casting rules in kiln against NumPy's, for every pair of kiln's 13 dtypes and every rule:
a cast NumPy refuses with TypeError is a kiln.CompileError (a TypeError too) with NumPy's message, and a
cast it allows copies the same values. The one difference: complex values into a real array (NumPy drops
the imaginary parts with a ComplexWarning under casting='unsafe') are refused by kiln, as for every store."""
import warnings

import numpy as np
import pytest

import copyto_kernels as ck
import kiln

DTYPES = ["bool", "int8", "int16", "int32", "int64", "uint8", "uint16", "uint32", "uint64",
          "float32", "float64", "complex64", "complex128"]
RULES = ["no", "equiv", "safe", "same_kind", "unsafe"]


@pytest.mark.parametrize("rule", RULES)
def test_copyto_casting_matches_numpy(rule):
    py = getattr(ck, "copy_" + rule)
    for s in DTYPES:
        for d in DTYPES:
            src = np.array([1, 0, 1]).astype(s)
            want, got = np.zeros(3, d), np.zeros(3, d)
            try:
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    py(want, src)
                refused = None
            except TypeError as e:
                refused = str(e)
            f = kiln.jit(py)
            if not refused and "complex" in s and "complex" not in d:
                with pytest.raises(kiln.CompileError, match="cannot store complex values"):
                    f(got, src)
                continue
            if refused:
                with pytest.raises(kiln.CompileError) as e:
                    f(got, src)
                assert refused in str(e.value), (s, d, rule)
            else:
                f(got, src)
                assert got.tobytes() == want.tobytes(), (s, d, rule)
