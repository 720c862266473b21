#!/usr/bin/env python3
"""ewise_diff.py — random whole-array expressions, kiln against NumPy bit for bit.

Each expression is a random tree over float64, complex128 and int64 arrays (with zeros, infinities,
NaNs and huge values among them) and scalars: the arithmetic operators, ufuncs of one and two
arguments and np.where. It runs in the interpreter and on tier 2; the printed results must equal
NumPy's repr of the same expression exactly. An expression NumPy rejects must fail in kiln too; one
kiln refuses ("not supported") is counted, not failed. float32 transcendental functions and float64
tanh are left out: docs/language.md documents that kiln computes those differently.

--narrow draws from int8, uint8, int16, uint16, int32 and float32 arrays instead, with Python ints
inside and outside their ranges (NEP 50's OverflowError, comparisons of true values), bitwise
operators and comparisons; float functions are applied only where NumPy's loop is not float16
(a documented deviation: kiln has no float16).

usage: ewise_diff.py [--kiln KILN] [--seed S] [--count N] [--narrow]   (ends "N passed, N failed")
"""
import argparse
import ast
import os
import random
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from oracle import numpy2  # noqa: E402

np = numpy2("ewise_diff.py")

N = 64
UF1 = ["np.sqrt", "np.exp", "np.log", "np.sin", "np.cos", "np.abs", "np.floor", "np.square", "np.sign", "np.arctan",
       "np.log1p", "np.expm1", "np.negative", "np.conj", "np.real", "np.imag", "np.arcsinh", "np.arctanh",
       "np.log10", "np.ceil"]  # not np.signbit: a float function of its bools would be NumPy's float16
UF2 = ["np.maximum", "np.minimum", "np.arctan2", "np.hypot", "np.power", "np.fmod", "np.copysign"]
OPS = ["+", "-", "*", "/", "**", "//", "%"]
LEAVES = ["x", "y", "z", "w", "i", "j", "2.0", "0.5", "-1", "2", "3", "(1+2j)", "0.0", "1e300"]


def arrays():
    rng = np.random.default_rng(1)
    return dict(x=rng.normal(size=N) * 3,
                y=np.concatenate([rng.normal(size=N - 8), [0.0, -0.0, np.inf, -np.inf, np.nan, 1e308, -1e-310, 2.0]]),
                z=rng.normal(size=N) + 1j * rng.normal(size=N),
                w=np.concatenate([rng.normal(size=N - 4) + 1j * rng.normal(size=N - 4),
                                  [0j, complex(np.inf, 1), complex(np.nan, 0), 1e200 + 1e200j]]),
                i=rng.integers(-50, 50, N), j=np.concatenate([rng.integers(-5, 5, N - 2), [0, 7]]))


NARROW_UF1 = ["np.abs", "np.negative", "np.square", "np.sign", "np.floor", "np.sqrt", "np.invert"]
NARROW_FLOAT1 = {"np.sqrt"}
NARROW_UF2 = ["np.maximum", "np.minimum", "np.power", "np.copysign", "np.fmod", "np.bitwise_and", "np.left_shift"]
NARROW_FLOAT2 = {"np.copysign"}
NARROW_OPS = OPS + ["&", "|", "^", "<<", ">>"]
NARROW_CMP = ["<", "<=", ">", ">=", "==", "!="]
NARROW_LEAVES = ["u", "s", "h", "g", "q", "f", "u", "s", "7", "-1", "300", "0", "70000", "2.5", "-128", "255", "True"]


def narrow_arrays():
    rng = np.random.default_rng(2)
    return dict(u=np.concatenate([rng.integers(0, 256, N - 3), [0, 255, 1]]).astype(np.uint8),
                s=np.concatenate([rng.integers(-128, 128, N - 3), [-128, 127, 0]]).astype(np.int8),
                h=rng.integers(-32768, 32768, N).astype(np.int16),
                g=rng.integers(0, 65536, N).astype(np.uint16),
                q=np.concatenate([rng.integers(-2**31, 2**31, N - 2), [-2**31, 2**31 - 1]]).astype(np.int32),
                f=np.concatenate([rng.normal(size=N - 4) * 100, [0.0, -0.0, np.inf, np.nan]]).astype(np.float32))


def python_int_overflow(e):
    """whether a part of e made of Python scalars alone (no array, no call) is an int beyond int64:
    CPython's ints are unbounded, kiln's wrap (a documented deviation)"""
    def scalars_only(n):
        return all(not isinstance(m, (ast.Name, ast.Call, ast.Attribute)) for m in ast.walk(n))
    for n in ast.walk(ast.parse(e, mode="eval")):
        if isinstance(n, (ast.BinOp, ast.UnaryOp)) and scalars_only(n):
            try:
                v = eval(compile(ast.Expression(n), "<e>", "eval"))
            except Exception:  # noqa: BLE001 (raises in both: not this concern)
                continue
            if isinstance(v, int) and not -2**63 <= v < 2**63:
                return True
    return False


def small_operand(e, data):
    """whether e, as an operand of a float function, leaves NumPy a float16 loop: True for bool, int8
    and uint8 values, None for a Python scalar (it adopts the other operand's type), else False"""
    try:
        with np.errstate(all="ignore"):
            v = eval(e, {"np": np, **data})
        if isinstance(v, (bool, int, float)):
            return None
        return np.result_type(v) in (np.bool_, np.int8, np.uint8)
    except Exception:  # noqa: BLE001 (raises anyway: nothing to avoid)
        return False


def float16_loop(data, *es):
    """whether NumPy's float function of es computes in float16 (a documented deviation: kiln has none)"""
    k = [small_operand(e, data) for e in es]
    return any(x is True for x in k) and all(x is not False for x in k)


def narrow_expr(r, data, d=0):
    if d > 3 or r.random() < 0.3:
        return r.choice(NARROW_LEAVES)
    k = r.random()
    if k < 0.4:
        return "(%s %s %s)" % (narrow_expr(r, data, d + 1), r.choice(NARROW_OPS), narrow_expr(r, data, d + 1))
    if k < 0.6:
        a, f = narrow_expr(r, data, d + 1), r.choice(NARROW_UF1)
        return "%s(%s)" % ("np.abs" if f in NARROW_FLOAT1 and float16_loop(data, a) else f, a)
    if k < 0.75:
        a, b, f = narrow_expr(r, data, d + 1), narrow_expr(r, data, d + 1), r.choice(NARROW_UF2)
        if f in NARROW_FLOAT2 and float16_loop(data, a, b):
            f = "np.maximum"
        return "%s(%s, %s)" % (f, a, b)
    if k < 0.85:
        return "(%s %s %s)" % (narrow_expr(r, data, d + 1), r.choice(NARROW_CMP), narrow_expr(r, data, d + 1))
    if k < 0.93:
        return "np.clip(%s, %s, %s)" % (narrow_expr(r, data, d + 1), r.choice(NARROW_LEAVES[6:]), r.choice(NARROW_LEAVES[6:]))
    return "np.where(%s, %s, %s)" % (narrow_expr(r, data, d + 1) + " > 3", narrow_expr(r, data, d + 1), narrow_expr(r, data, d + 1))


def expr(r, d=0):
    if d > 3 or r.random() < 0.3:
        return r.choice(LEAVES)
    k = r.random()
    if k < 0.45:
        return "(%s %s %s)" % (expr(r, d + 1), r.choice(OPS), expr(r, d + 1))
    if k < 0.75:
        return "%s(%s)" % (r.choice(UF1), expr(r, d + 1))
    if k < 0.9:
        return "%s(%s, %s)" % (r.choice(UF2), expr(r, d + 1), expr(r, d + 1))
    return "np.where(%s > 0.5, %s, %s)" % (expr(r, d + 1), expr(r, d + 1), expr(r, d + 1))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kiln", default=os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "build", "kiln"))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=100)
    ap.add_argument("--narrow", action="store_true")
    a = ap.parse_args()
    if tuple(int(x) for x in np.__version__.split(".")[:2]) < (2, 4):
        # kiln follows NumPy 2.4's loops (its SIMD complex products, power shortcuts); older ones differ
        print("skipped: NumPy %s is older than 2.4\n0 passed, 0 failed" % np.__version__)
        return 0
    r = random.Random(a.seed)
    tmp = tempfile.mkdtemp(prefix="kiln-ewise-")
    data = narrow_arrays() if a.narrow else arrays()
    names = sorted(data)
    for k, v in data.items():
        np.save(os.path.join(tmp, k + ".npy"), v)
    path = os.path.join(tmp, "k.py")
    passed = failed = refused = 0
    for _ in range(a.count):
        e = narrow_expr(r, data) if a.narrow else expr(r)
        if python_int_overflow(e):
            refused += 1
            continue
        with open(path, "w") as f:
            f.write("import numpy as np\ndef k(%s):\n    return %s\n" % (", ".join(names), e))
        try:
            with np.errstate(all="ignore"):
                v = eval(e, {"np": np, **data})
            want = repr(v.tolist() if hasattr(v, "tolist") else v)
        except ValueError as x:
            if "integer string conversion" in str(x) or "too large to convert" in str(x):  # an unbounded Python int: kiln's are int64 (documented)
                refused += 1
                continue
            want = None
        except OverflowError as x:
            if "too large to convert" in str(x):  # an unbounded Python int: kiln's are int64 (documented)
                refused += 1
                continue
            want = None
        except Exception:  # noqa: BLE001 (NumPy's own refusal: kiln must refuse too)
            want = None
        got = {}
        for tier in ["interp", "opt"]:
            p = subprocess.run([a.kiln, "run", "--tier", tier, path, "k"] + ["@" + os.path.join(tmp, k + ".npy") for k in names],
                               capture_output=True, text=True, env=dict(os.environ, KILN_CACHE="0"))
            got[tier] = p.stdout.strip() if p.returncode == 0 else None
            if p.returncode and "not supported" in p.stderr:
                got[tier] = "refused"
            if p.returncode and "ZeroDivisionError" in p.stderr:
                got[tier] = "refused"  # kiln raises for NumPy scalars divided by zero (documented; NumPy warns)
        if want is None and all(g in (None, "refused") for g in got.values()):
            passed += 1  # rejected by both
        elif "refused" in got.values():
            refused += 1
        elif all(g == want for g in got.values()):
            passed += 1
        else:
            failed += 1
            print("MISMATCH %s\n  numpy: %s\n  kiln:  %s" % (e, (want or "raises")[:200], {t: (g or "error")[:200] for t, g in got.items()}))
    print("%d skipped (not supported, or a documented deviation)" % refused)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
