"""The cmath module in kernels against CPython's own (rt/cmath.c, lower/cmath.c): every function on every pair of
special-value classes of the two parts (-inf, negative, -0.0, +0.0, positive, +inf, NaN, subnormal, huge, near 1)
and on random points, bit for bit, with CPython's ValueError and OverflowError where it raises them; rect on every
pair of classes, log with a base, phase (glibc's atan2 underflow raising), polar, isclose with its tolerances, the
constants. Every tier."""
import cmath
import math
import random
import struct

import pytest

import kiln

FNS = ["sqrt", "exp", "log", "log10", "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh", "asinh",
       "acosh", "atanh", "phase", "polar", "isfinite", "isinf", "isnan"]
TIERS = ["interp", "baseline", "opt"]

# one kernel per function, each calling cmath.<f> (kiln reads a kernel's source from its file: written once, here)
SOURCE = "import cmath\n" + "".join(f"def k_{f}(z):\n    return cmath.{f}(z)\n" for f in FNS) + """
def k_rect(r, phi):
    return cmath.rect(r, phi)
def k_logb(z, b):
    return cmath.log(z, b)
def k_close(a, b):
    return cmath.isclose(a, b), cmath.isclose(a, b, rel_tol=1e-3), cmath.isclose(a, b, abs_tol=0.5)
def k_consts():
    return cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.infj, cmath.nan, cmath.nanj
"""


@pytest.fixture(scope="module")
def kernels(tmp_path_factory):
    import importlib.util
    path = tmp_path_factory.mktemp("cmath") / "cmk.py"
    path.write_text(SOURCE)
    spec = importlib.util.spec_from_file_location("cmk", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def key(v):
    if isinstance(v, tuple):
        return tuple(key(x) for x in v)
    if isinstance(v, complex):
        return ("c", struct.pack("<dd", v.real, v.imag) if not (math.isnan(v.real) or math.isnan(v.imag)) else repr(v))
    if isinstance(v, float):
        return ("f", "nan" if math.isnan(v) else struct.pack("<d", v))
    return ("o", repr(v))


def outcome(f, *a):
    try:
        return ("ok", key(f(*a)))
    except (ValueError, OverflowError) as e:
        return ("err", type(e).__name__, str(e))


SPECIALS = [-math.inf, -2.5, -1.0, -0.0, 0.0, 5e-324, 1e-310, 1e-20, 0.75, 1.0, 1.5, 2.0, 710.0, -710.0, 1e308,
            -1e308, math.inf, math.nan]


def points():
    rng = random.Random(31)
    vals = [complex(a, b) for a in SPECIALS for b in SPECIALS]
    vals += [complex(rng.uniform(-3, 3), rng.uniform(-3, 3)) for _ in range(150)]
    vals += [complex(rng.uniform(-1e3, 1e3), rng.uniform(-1e3, 1e3)) for _ in range(50)]
    vals += [complex(math.cos(t) * (1 + rng.uniform(-0.3, 0.3)), math.sin(t)) for t in (rng.uniform(0, 6.3) for _ in range(50))]
    return vals


@pytest.mark.parametrize("tier", TIERS)
@pytest.mark.parametrize("fn", FNS)
def test_function(kernels, fn, tier):
    f = getattr(kernels, "k_" + fn)
    jf = kiln.jit(f, tier=tier)
    bad = [(z, outcome(f, z), outcome(jf, z)) for z in points() if outcome(f, z) != outcome(jf, z)]
    assert not bad, bad[:5]


@pytest.mark.parametrize("tier", TIERS)
def test_rect_log_base_isclose(kernels, tier):
    rect, logb, close = (kiln.jit(getattr(kernels, n), tier=tier) for n in ("k_rect", "k_logb", "k_close"))
    bad = [(a, b) for a in SPECIALS for b in SPECIALS if outcome(kernels.k_rect, a, b) != outcome(rect, a, b)]
    for z in points()[::3]:
        for b in (2.0, 10, 1, 0, 0.5 + 1j, complex(math.inf, 0), -1.0):
            if outcome(kernels.k_logb, z, b) != outcome(logb, z, b):
                bad.append(("log", z, b))
        for b in (z, z + 1e-10, z * (1 + 1e-4), z + 0.3, complex(math.inf, 0)):
            if outcome(kernels.k_close, z, b) != outcome(close, z, b):
                bad.append(("isclose", z, b))
    assert not bad, bad[:5]
    assert outcome(kiln.jit(kernels.k_consts, tier=tier)) == outcome(kernels.k_consts)
