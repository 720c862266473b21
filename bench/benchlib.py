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
