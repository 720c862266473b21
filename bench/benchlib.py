"""benchlib.py — what the Python bench drivers share: warm medians and `kiln bench` runs."""
import json
import os
import statistics
import subprocess
import sys
import time


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
