"""_sig.py — eager signatures in Numba's syntax: "float64(float64, float64[::1])", "(f8, i4[:, :])",
"void(int32[:])". Each becomes an example argument of that type (a zero-size array of the right
dtype, rank and layout, a Python int/float/complex/bool for int64/float64/complex128/boolean, a
NumPy scalar for the other dtypes), which kiln compiles for without running. The return type, if
given, is not checked: kiln infers it.
"""
import re

_DTYPES = {
    "float64": "float64", "f8": "float64", "double": "float64", "float": "float64", "float_": "float64",
    "float32": "float32", "f4": "float32", "single": "float32",
    "int64": "int64", "i8": "int64", "int": "int64", "int_": "int64", "intp": "int64", "long": "int64",
    "int32": "int32", "i4": "int32", "intc": "int32", "int16": "int16", "i2": "int16", "int8": "int8", "i1": "int8",
    "uint64": "uint64", "u8": "uint64", "uintp": "uint64", "uint32": "uint32", "u4": "uint32",
    "uint16": "uint16", "u2": "uint16", "uint8": "uint8", "u1": "uint8",
    "boolean": "bool", "bool_": "bool", "b1": "bool", "bool": "bool",
    "complex128": "complex128", "c16": "complex128", "complex": "complex128", "complex64": "complex64", "c8": "complex64",
}
_PYTHON = {"float64": 0.0, "int64": 0, "complex128": 0j, "bool": False}
_TYPE = re.compile(r"\s*([A-Za-z_][A-Za-z0-9_]*)\s*(\[([^\]]*)\])?\s*")


def _split(s):
    out, depth, cur = [], 0, ""
    for ch in s:
        if ch == "," and depth == 0:
            out.append(cur)
            cur = ""
            continue
        depth += ch == "[" or ch == "("
        depth -= ch == "]" or ch == ")"
        cur += ch
    if cur.strip():
        out.append(cur)
    return out


def _example(t):
    import numpy as np
    m = _TYPE.fullmatch(t)
    if not m or m.group(1) not in _DTYPES:
        raise TypeError("kiln.jit: cannot read the type %r of a signature" % t.strip())
    dt = _DTYPES[m.group(1)]
    if m.group(2) is None:
        return _PYTHON[dt] if dt in _PYTHON else np.dtype(dt).type(0)
    axes = [a.strip() for a in m.group(3).split(",")]
    if any(a not in (":", "::1") for a in axes) or "::1" in axes[:-1]:
        raise TypeError("kiln.jit: array type %r: axes are ':' and a last '::1' (C-contiguous)" % t.strip())
    shape = (2,) * len(axes)
    a = np.zeros(shape, dtype=dt)
    if axes[-1] != "::1":  # any layout: a strided view, so the specialization is the general one
        a = np.zeros(tuple(2 * n for n in shape), dtype=dt)[(slice(None, None, 2),) * len(axes)]
    return a


def example_args(sig):
    """a tuple of example arguments for the signature text sig"""
    s = sig.strip()
    i = s.find("(")
    if i < 0 or not s.endswith(")"):
        raise TypeError("kiln.jit: a signature is 'ret(arg, ...)' or '(arg, ...)', not %r" % sig)
    return tuple(_example(t) for t in _split(s[i + 1:-1]))


def result_dtype(sig):
    """the NumPy dtype of sig's return type ("float64(f8, f8)": float64), or None where it gives none"""
    import numpy as np
    s = sig.strip()
    i = s.find("(")
    if i <= 0:
        return None
    m = _TYPE.fullmatch(s[:i])
    if not m or m.group(1) not in _DTYPES or m.group(2) is not None:
        raise TypeError("kiln.vectorize: cannot read the return type %r of a signature" % s[:i].strip())
    return np.dtype(_DTYPES[m.group(1)])
