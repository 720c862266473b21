#!/usr/bin/env python3
"""run.py — every kernel of bench/kernel_coverage/kernels.py under CPython (the reference), kiln (kiln.jit) and Numba
(numba.njit): what each prints and returns, compared with CPython's; a table and the counts.

usage: build/benchenv/bin/python bench/kernel_coverage/run.py   (a Python with kiln, NumPy 2 and Numba)
"""
import contextlib
import io
import os
import sys
import warnings

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
warnings.simplefilter("ignore")


def norm(v):
    if isinstance(v, np.ndarray):
        return ("array", v.tolist())
    if isinstance(v, np.generic):
        return v.item()
    if type(v).__module__.startswith("numba.typed"):  # Numba's typed List and Dict: compared as a list and a dict
        return norm(dict(v) if hasattr(v, "keys") else list(v))
    if isinstance(v, dict):
        return {norm(k): norm(x) for k, x in v.items()}
    if hasattr(type(v), "_fields"):  # a namedtuple: its class and fields
        return type(v)(*[norm(x) for x in v])
    if isinstance(v, (list, tuple)):
        return type(v)(norm(x) for x in v)
    return v


def run(f, args):
    out = io.StringIO()
    try:
        with contextlib.redirect_stdout(out):
            r = f(*[list(a) if isinstance(a, list) else a for a in args])
        return "ok", (norm(r), out.getvalue())
    except Exception as e:  # a refusal or a failure
        return type(e).__name__, str(e).split("\n")[0][:90]


def main():
    import kernels
    import kiln
    import numba
    rows, got = [], {"kiln": 0, "numba": 0}
    for f, args in kernels.CASES:
        want = run(f, args)
        line = [f.__name__]
        for name, jit in (("kiln", kiln.jit), ("numba", numba.njit)):
            j = jit(f)
            setattr(kernels, f.__name__, j)  # a recursive kernel calls itself compiled, as when decorated
            st, val = run(j, args)
            setattr(kernels, f.__name__, f)
            ok = st == "ok" and val == want[1]
            got[name] += ok
            line.append("yes" if ok else ("WRONG" if st == "ok" else "no (%s)" % st))
        rows.append(line)
    print("%-16s %-28s %s" % ("kernel", "kiln", "numba"))
    for r in rows:
        print("%-16s %-28s %s" % tuple(r))
    print("correct: kiln %d of %d, numba %d of %d" % (got["kiln"], len(rows), got["numba"], len(rows)))


if __name__ == "__main__":
    main()
