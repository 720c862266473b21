#!/usr/bin/env python3
"""python_numba.py — the Python package against Numba in one run (make bench-python): issue 19's
targets. Every number is a median over fresh processes or over many calls, kiln and Numba
measured back to back on the same machine.

  import      wall time of `import numpy, X` minus `import numpy` (process start to exit, median of 9)
  first call  compute(1.5) = x*x + 2*x + 1 and a mandelbrot point kernel, in a fresh process
              (median of 7), the disk caches off
  warm call   per-call time of a trivial kernel with a float, one array and three arrays
              (median of 7 batches of 200,000 calls), and a plain Python function with a float
  module      a generated module of 50 small loop functions: process start to all 50 first calls,
              minus the same process running the undecorated functions; empty cache and warm cache

usage: python_numba.py KILN_PYTHON NUMBA_PYTHON   (either may be "-" to skip it)
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def wall(py, code, env=None, n=9, cwd=None):
    """median wall time of python -c code, or of python FILE when code is a path ending in .py"""
    ts = []
    argv = [py, code] if code.endswith(".py") else [py, "-c", code]
    for _ in range(n):
        t0 = time.perf_counter()
        r = subprocess.run(argv, capture_output=True, text=True, env=env, cwd=cwd)
        ts.append(time.perf_counter() - t0)
        if r.returncode:
            raise RuntimeError(r.stderr[-2000:])
    return statistics.median(ts)


def run_out(py, path, env=None, n=7):
    """median of each number a script prints (one per line, name value)"""
    rows = {}
    for _ in range(n):
        r = subprocess.run([py, path], capture_output=True, text=True, env=env, cwd=tempfile.gettempdir())
        if r.returncode:
            raise RuntimeError(r.stderr[-2000:])
        for line in r.stdout.split("\n"):
            if line.strip():
                k, v = line.split()
                rows.setdefault(k, []).append(float(v))
    return {k: statistics.median(v) for k, v in rows.items()}


KERNELS = '''
def compute(x):
    return x * x + 2 * x + 1

def point(cr, ci, maxit):
    zr = 0.0
    zi = 0.0
    for i in range(maxit):
        zr2 = zr * zr
        zi2 = zi * zi
        if zr2 + zi2 > 4.0:
            return i
        zi = 2.0 * zr * zi + ci
        zr = zr2 - zi2 + cr
    return maxit

def one(a):
    return a[0]

def three(a, b, c):
    return a[0] + b[0] + c[0]
'''

FIRST = '''import time, numpy as np
%s
import %s as J
%s
c = J.%s(compute)
p = J.%s(point)
t0 = time.perf_counter(); c(1.5); t1 = time.perf_counter()
p(-0.5, 0.5, 100); t2 = time.perf_counter()
print("first_compute", (t1 - t0) * 1e6)
print("first_point", (t2 - t1) * 1e6)
'''

WARM = '''import time, numpy as np
%s
import %s as J
c, o, t = J.%s(compute), J.%s(one), J.%s(three)
def plain(x):
    return x * x + 2 * x + 1
a, b, d = np.ones(3), np.ones(3), np.ones(3)
c(1.5); o(a); t(a, b, d)
N = 200000
def per(f, *args):
    t0 = time.perf_counter()
    for _ in range(N):
        f(*args)
    return (time.perf_counter() - t0) / N * 1e9
print("warm_float", per(c, 1.5))
print("warm_array", per(o, a))
print("warm_3arrays", per(t, a, b, d))
print("plain_float", per(plain, 1.5))
'''


def module_src(deco_import, deco):
    lines = [deco_import, "import numpy as np", ""]
    for i in range(50):
        lines += ["%s" % deco, "def f%d(a, n):" % i, "    s = 0.0", "    for j in range(n):",
                  "        s += a[j %% a.shape[0]] * %d.5" % i, "    return s", ""]
    lines += ["a = np.arange(10.0)", "for k in range(50):", "    globals()['f%d' % k](a, 20)", ""]
    return "\n".join(lines)


def main():
    kpy, npy = sys.argv[1], sys.argv[2]
    env = dict(os.environ, OPENBLAS_NUM_THREADS="1")
    tmp = tempfile.mkdtemp(prefix="kiln-pybench-")
    rows = []
    runners = [(name, py) for name, py in (("kiln", kpy), ("numba", npy)) if py != "-"]
    base = {name: wall(py, "import numpy", env) for name, py in runners}
    for name, py in runners:
        t = wall(py, "import numpy, %s" % name, env)
        rows.append(("import %s - import numpy" % name, "%.1f ms" % ((t - base[name]) * 1e3)))
    res = {}
    for name, py in runners:
        deco = "jit" if name == "kiln" else "njit"
        p = os.path.join(tmp, "first_%s.py" % name)
        with open(p, "w") as f:
            f.write(FIRST % (KERNELS, name, "", deco, deco))
        e = dict(env, KILN_CACHE="0", NUMBA_DISABLE_CACHE="1")
        res[name] = run_out(py, p, e)
        p = os.path.join(tmp, "warm_%s.py" % name)
        with open(p, "w") as f:
            f.write(WARM % (KERNELS, name, deco, deco, deco))
        res[name].update(run_out(py, p, e))
    for key, what, unit in (("first_compute", "first call compute(1.5)", "us"), ("first_point", "first call mandelbrot point", "us"),
                            ("warm_float", "warm call, a float", "ns"), ("warm_array", "warm call, one array", "ns"),
                            ("warm_3arrays", "warm call, three arrays", "ns"), ("plain_float", "plain Python function, a float", "ns")):
        rows.append((what, "  ".join("%s %.1f %s" % (n, res[n][key], unit) for n, _ in runners)))
    if "kiln" in res and "numba" in res:
        for key in ("warm_float", "warm_array", "warm_3arrays"):
            rows.append(("kiln / numba, " + key, "%.2f" % (res["kiln"][key] / res["numba"][key])))
        rows.append(("kiln warm float / plain Python", "%.2f" % (res["kiln"]["warm_float"] / res["kiln"]["plain_float"])))
    # the 50-function module
    for name, py in runners:
        deco_import = "import kiln\nJ = kiln.jit" if name == "kiln" else "import numba\nJ = numba.njit(cache=True)"
        with open(os.path.join(tmp, "mod_%s.py" % name), "w") as f:
            f.write(module_src(deco_import, "@J"))
        with open(os.path.join(tmp, "plain_%s.py" % name), "w") as f:
            f.write(module_src(deco_import, ""))
        cdir = os.path.join(tmp, "cache_%s" % name)
        e = dict(env, KILN_CACHE_DIR=cdir, NUMBA_CACHE_DIR=cdir)
        plain = wall(py, os.path.join(tmp, "plain_%s.py" % name), e, n=5, cwd=tmp)
        empty = []
        for _ in range(5):
            subprocess.run(["rm", "-rf", cdir])
            empty.append(wall(py, os.path.join(tmp, "mod_%s.py" % name), e, n=1, cwd=tmp))
        warm = wall(py, os.path.join(tmp, "mod_%s.py" % name), e, n=5, cwd=tmp)
        rows.append(("50-function module, %s: empty cache" % name, "%.1f ms" % ((statistics.median(empty) - plain) * 1e3)))
        rows.append(("50-function module, %s: warm cache" % name, "%.1f ms" % ((warm - plain) * 1e3)))
    w = max(len(r[0]) for r in rows)
    for k, v in rows:
        print("%-*s  %s" % (w, k, v))


if __name__ == "__main__":
    main()
