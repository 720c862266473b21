"""0-d arrays as NumPy treats them, on every tier: a ufunc or operator whose operands have no axes gives a NumPy
scalar of NumPy's type (np.exp(np.array(1.0)) is np.float64), np.where and copies stay 0-d arrays, reductions of
numbers are NumPy scalars, float()/int()/bool()/complex() of a 0-d array its item's. The kernel suites print values
alike either way; this compares the types too."""
import numpy as np
import pytest

import kiln

TIERS = ["interp", "baseline", "opt"]


def ufuncs(x):
    a = np.array(x)
    i = np.array(5)
    return (a + 1, -a, abs(a), np.abs(a), np.exp(a), a > 1, np.sqrt(a), a * i, np.maximum(a, 1), np.clip(a, 0, 1),
            np.round(a), a.round(), np.array(7).round(), np.fmod(np.array(-7), 3), np.isnan(a), a ** 2, np.sign(a),
            ~(a > 1), np.add(a, 1), np.negative(a), np.square(a), np.floor(a))


def arrays(x):
    a = np.array(x)
    return np.where(a > 1, a, 0), np.where(True, 1.0, 2.0), a.copy(), np.real(a), np.i0(x), a.astype(np.float32)


def mixed(x, v):
    a = np.array(x)
    return a + v, v * a, np.maximum(v, a), np.where(v > a, v, a)


def reductions(x):
    a = np.array(x)
    v = np.arange(3) + 1
    return (np.sum(a * 2), a.sum(), np.max(a), np.sum(np.float32(2.5)), np.mean(np.int32(3)), (a * 2).sum(),
            v[1].sum(), v[2].mean(), np.float64(x).std(), v[0].argmax(), np.float32(x).cumsum(), v[0].any(), v[1].prod())


def accumulate(n):
    z = np.zeros(())
    s = 0.0
    for i in range(n):
        z[()] = z * 2 + i
        s += z * 0.5
    return z, s


def float32s(x):
    a = np.array(x, dtype=np.float32)
    return a * 2, a + 1.5, a + np.float64(1), np.abs(a), -a, a > 0


def conversions(x):
    a = np.array(x)
    acc = np.zeros(())
    xs = []
    for i in range(4):
        acc += i  # in place, on the 0-d array
        xs.append(float(acc))
    return float(a), int(np.array(3) + 1), bool(np.array(0.0)), complex(a), a.item(), acc, xs, acc * np.ones(2)


CASES = [(conversions, (2.5,)), (ufuncs, (3.0,)), (ufuncs, (-0.5,)), (arrays, (3.0,)), (mixed, (3.0, np.arange(4.0))), (reductions, (1.5,)),
         (accumulate, (4,)), (float32s, (2.5,))]


def described(v):
    if isinstance(v, (tuple, list)):
        return type(v).__name__, tuple(described(x) for x in v)
    if isinstance(v, np.ndarray):
        return ("ndarray", v.dtype.str, v.shape, v.tobytes())
    return (type(v).__name__, np.asarray(v).tobytes())


@pytest.mark.parametrize("tier", TIERS)
@pytest.mark.parametrize("case", CASES, ids=[f"{c[0].__name__}{i}" for i, c in enumerate(CASES)])
def test_zero_d_types_match_numpy(case, tier):
    f, args = case
    assert described(kiln.jit(tier=tier)(f)(*args)) == described(f(*args))
