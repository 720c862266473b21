"""benchlib.py — what the Python bench drivers share: warm medians and `kiln bench` runs."""
import json
import os
import statistics
import subprocess
import sys
import time


def module_from_source(src, name):
    """the module of Python source text src, loaded from a file of its own (kiln.jit and numba.njit read
    a kernel's source from its file)"""
    import importlib.util
    import tempfile
    path = os.path.join(tempfile.mkdtemp(), name + ".py")
    with open(path, "w") as f:
        f.write(src)
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def per_call(f, args, reps):
    """seconds per call of f(*args), over reps calls"""
    t0 = time.perf_counter()
    for _ in range(reps):
        f(*args)
    return (time.perf_counter() - t0) / reps


def median_time(f, runs):
    """the median of RUNS timed calls of f, after one untimed call (warm, never mixed with cold)"""
    f()
    ts = []
    for _ in range(runs):
        t0 = time.perf_counter()
        f()
        ts.append(time.perf_counter() - t0)
    return statistics.median(ts)


def kiln_warm_median(kiln, path, func, args, runs, tier="opt", flags=()):
    """`kiln bench` of func in the kernel file path: the warm median in seconds (disk cache off)"""
    r = subprocess.run([kiln, "bench", path, func, *args, "--tier", tier, *flags, "--json", "--no-process", "--runs", str(runs)],
                       capture_output=True, text=True, env=dict(os.environ, KILN_CACHE="0"))
    if r.returncode != 0:
        sys.exit("kiln bench %s failed: %s" % (func, r.stderr.strip()))
    return json.loads(r.stdout)["warm"]["median"]


def against_numba(src, modname, cases, rounds):
    """each case (name, a function making its arguments) of the kernels in src compiled by kiln and by Numba, the
    answers checked against CPython's, then timed back to back, alternating, for `rounds` rounds: a table of
    medians (run with a Python that has kiln, NumPy 2 and Numba: build/benchenv)"""
    import kiln
    import numba
    mod = module_from_source(src, modname)
    print("%-10s %12s %12s %8s" % ("kernel", "kiln (us)", "numba (us)", "ratio"))
    for name, mk in cases:
        args = mk()
        py = getattr(mod, name)
        kf, nf = kiln.jit(py), numba.njit(py)
        want = py(*args)
        for f in (kf, nf):  # compile, tier up, and check the answer against CPython
            try:
                for _ in range(30):
                    got = f(*args)
            except numba.core.errors.TypingError as e:  # a kernel Numba cannot compile: kiln is timed alone
                if f is kf:
                    raise
                first = [line for line in str(e).splitlines() if line.strip()][1:3]
                print("%-10s numba refuses it: %s" % (name, " ".join(x.strip() for x in first)[:90]))
                nf = None
                continue
            if got != want:
                raise SystemExit("%s: %r, CPython %r" % (name, got, want))
        t0 = time.perf_counter()
        kf(*args)
        reps = max(1, int(0.05 / max(time.perf_counter() - t0, 1e-7)))
        ks, ns = [], []
        for _ in range(rounds):
            ks.append(per_call(kf, args, reps))
            if nf:
                ns.append(per_call(nf, args, reps))
        k = statistics.median(ks)
        if not nf:
            print("%-10s %12.1f %12s %8s" % (name, k * 1e6, "-", "-"))
            continue
        n = statistics.median(ns)
        print("%-10s %12.1f %12.1f %8.2f" % (name, k * 1e6, n * 1e6, k / n))
