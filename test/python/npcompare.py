"""npcompare.py — a kernel's outcome under NumPy and under kiln.jit on every tier, compared bit for bit: the value
(arrays by dtype, shape and bytes, and where asked their strides; NumPy scalars by type and bytes; tuples and lists
item by item) or the exception (its type, and where asked its message). Shared by the package tests that compare
kiln with NumPy function by function (test_npufunc, test_npwrap, test_row_reductions)."""
import numpy as np

import kiln

TIERS = ["interp", "baseline", "opt"]


def canon(v, strides=False):
    if isinstance(v, (tuple, list)):
        return (type(v).__name__, tuple(canon(x, strides) for x in v))
    if isinstance(v, np.ndarray):
        return ("nd", v.dtype.str, v.shape, v.tobytes(), v.strides if strides and v.size > 1 else None)
    if isinstance(v, np.generic):
        return ("np", type(v).__name__, v.tobytes())
    return (type(v).__name__, repr(v))


def outcome(f, args, strides=False, messages=True):
    """what f gives for copies of the arrays among args (a kernel's writes reach no other run), NumPy's warnings off"""
    try:
        with np.errstate(all="ignore"):
            return ("ok", canon(f(*[a.copy() if isinstance(a, np.ndarray) else a for a in args]), strides))
    except Exception as e:
        return ("exc", type(e).__name__, str(e) if messages else None)


def same(f, *args, strides=False, messages=True):
    want = outcome(f, args, strides, messages)
    for t in TIERS:
        got = outcome(kiln.jit(f, tier=t), args, strides, messages)
        assert got == want, (t, f.__name__, args)
