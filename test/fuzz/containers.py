#!/usr/bin/env python3
"""containers.py — random operation sequences on lists, deques, dicts, sets, Counters and heaps: kiln against CPython.

Each kernel of container_kernels.py takes a 2-d array of operation codes and one of values (a row per sequence,
each row a new container) and returns every observation as a list of ints. For each seed the arrays are drawn
afresh (ROWS sequences of LENGTH operations; values 0..VALUES-1, 20 by default) and every kernel runs in CPython (this process: the
oracle) and through `kiln run` on each tier; the printed lists must be equal. A mismatch prints the kernel,
the seed, the tier and where the outputs first differ; `--seed S --count 1 --kernel K` reproduces it.

usage: containers.py --kiln KILN [--seed S] [--count N] [--rows R] [--length L] [--values V] [--kernel NAME]
       (ends "N passed, N failed": one check per kernel, seed and tier)
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
sys.path.insert(0, HERE)
from oracle import numpy2  # noqa: E402

np = numpy2("containers.py")
import container_kernels as ck  # noqa: E402

# the kernels and their extra arguments: the deque once unbounded and once bounded (a small maxlen, so it is
# full most of the time and every append drops from the other end)
CASES = [("list_ops", ()), ("deque_ops", (-1,)), ("deque_ops", (5,)), ("dict_ops", ()), ("set_ops", ()),
         ("counter_ops", ()), ("heap_ops", ()), ("list_more", ()), ("set_more", ()), ("dict_more", ()), ("deque_more", ()),
         ("str_ops", ()), ("nested_ops", ())]
TIERS = ["interp", "baseline", "opt", "auto"]
TIMEOUT = 120


def first_difference(a, b):
    n = min(len(a), len(b))
    i = next((k for k in range(n) if a[k] != b[k]), n)
    return "at character %d: cpython ...%s... kiln ...%s..." % (i, a[max(0, i - 40):i + 40], b[max(0, i - 40):i + 40])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--kiln", required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=2)
    ap.add_argument("--rows", type=int, default=60)
    ap.add_argument("--length", type=int, default=120)
    ap.add_argument("--values", type=int, default=20)
    ap.add_argument("--kernel", default=None)
    ap.add_argument("--tiers", default=",".join(TIERS))
    a = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="kiln-containers-")
    src = os.path.join(HERE, "container_kernels.py")
    passed = failed = 0
    try:
        for seed in range(a.seed, a.seed + a.count):
            rng = np.random.default_rng(seed)
            ops = rng.integers(0, 1 << 20, size=(a.rows, a.length))
            vals = rng.integers(0, a.values, size=(a.rows, a.length))
            np.save(os.path.join(tmp, "ops.npy"), ops)
            np.save(os.path.join(tmp, "vals.npy"), vals)
            for name, extra in CASES:
                if a.kernel and name != a.kernel:
                    continue
                want = repr(getattr(ck, name)(ops, vals, *extra))
                for tier in a.tiers.split(","):
                    cmd = [a.kiln, "run", "--tier", tier, src, name, "@" + os.path.join(tmp, "ops.npy"),
                           "@" + os.path.join(tmp, "vals.npy")] + [str(x) for x in extra]
                    try:
                        p = subprocess.run(cmd, capture_output=True, text=True, timeout=TIMEOUT,
                                           env=dict(os.environ, KILN_CACHE="0"))
                        got = p.stdout.strip() if p.returncode == 0 else "[exit %d] %s" % (p.returncode, p.stderr.strip()[:400])
                    except subprocess.TimeoutExpired:
                        got = "[timed out after %d s]" % TIMEOUT
                    if got == want:
                        passed += 1
                    else:
                        failed += 1
                        print("FAIL %s%s seed %d tier %s: %s" % (name, extra, seed, tier, first_difference(want, got)))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
