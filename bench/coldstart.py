#!/usr/bin/env python3
"""coldstart.py — a fresh process from start to first result (make bench-coldstart).

For each suite kernel at a small size: `kiln run` with an empty disk cache
(tier opt: parse, types, LLVM's load and compile, run), with a warm cache
(tier auto and tier opt: the tier-2 object loaded by kiln's ELF loader, no
LLVM), and Numba (@njit(cache=True), bench/peers/peers.py) with an empty and
a warm cache, all in this run; median of REPEAT wall times, fork+exec
included. Targets (issue 7): warm cache under 2 ms of process wall time for
the small kernels (compute, the mandelbrot point).

usage: python3 bench/coldstart.py [KILN] [REPEAT] [PY]
"""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KILN = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build", "kiln")
REPEAT = int(sys.argv[2]) if len(sys.argv) > 2 else 5
PY = sys.argv[3] if len(sys.argv) > 3 else sys.executable

CASES = [
    ("bench/suite/compute.py", "compute", ["1.5"]),
    ("bench/mandelbrot.py", "point", ["0.1", "0.2", "100"]),
    ("bench/suite/fib.py", "fib", ["20"]),
    ("bench/suite/pisum.py", "pisum", []),
    ("bench/suite/quicksort.py", "sort_check", ["1000"]),
    ("bench/suite/topk.py", "top10", ["1000"]),
    ("bench/suite/attention.py", "run", ["1", "2", "16", "8"]),
    ("bench/mandelbrot.py", "grid", ["100", "100", "100"]),
]


def wall(cmd, env):
    t0 = time.perf_counter()
    r = subprocess.run(cmd, env=env, capture_output=True, text=True)
    t = time.perf_counter() - t0
    if r.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)}: {r.stderr.strip()[-300:]}")
    return t, r.stdout.strip()


def median_ms(cmd, env, fresh=None):
    ts = []
    for _ in range(REPEAT):
        if fresh:
            shutil.rmtree(fresh, ignore_errors=True)
        ts.append(wall(cmd, env)[0])
    return statistics.median(ts) * 1e3


def main():
    tmp = tempfile.mkdtemp(prefix="kiln-coldstart-")
    kc, nc = os.path.join(tmp, "kiln"), os.path.join(tmp, "numba")
    base = dict(os.environ, KILN_CACHE="1", KILN_CACHE_DIR=kc, NUMBA_CACHE_DIR=nc)
    base.pop("KILN_LOG", None)
    print("| kernel | kiln, empty cache (opt) | kiln, warm cache (auto) | kiln, warm cache (opt) | in-process hit | numba, empty cache | numba, warm cache | numba warm / kiln warm |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for f, fn, args in CASES:
        path = os.path.join(ROOT, f)
        k = [KILN, "run"]
        empty = median_ms(k + ["--tier", "opt", path, fn, *args], base, fresh=kc)
        wall(k + ["--tier", "opt", path, fn, *args], base)  # fill the cache
        warm_auto = median_ms(k + [path, fn, *args], base)
        warm_opt = median_ms(k + ["--tier", "opt", path, fn, *args], base)
        env = dict(base, KILN_LOG="cache")
        r = subprocess.run(k + [path, fn, *args], env=env, capture_output=True, text=True)
        hits = [l for l in r.stderr.splitlines() if "cache: hit" in l]
        hit_us = max(float(l.split("loaded in ")[1].split(" us")[0]) for l in hits) if hits else float("nan")
        numba = [PY, os.path.join(ROOT, "bench/peers/peers.py"), "numba", path, fn, "0", *args]
        try:
            n_empty = median_ms(numba, base, fresh=nc)
            wall(numba, base)
            n_warm = median_ms(numba, base)
            ns = f"{n_empty:.1f} | {n_warm:.1f} | {n_warm / warm_auto:.0f}x"
        except (RuntimeError, FileNotFoundError) as e:
            ns = "n/a | n/a | n/a"
            print(f"numba: {e}", file=sys.stderr)
        print(f"| {fn}({', '.join(args)}) | {empty:.1f} | {warm_auto:.2f} | {warm_opt:.2f} | {hit_us:.0f} us | {ns} |")
        sys.stdout.flush()
    shutil.rmtree(tmp, ignore_errors=True)
    floor = median_ms(["/bin/true"], base)
    version = median_ms([KILN, "--version"], base)
    print(f"\nms of wall time per process, fork+exec from this Python included (the floor: /bin/true takes {floor:.2f} ms, "
          f"`kiln --version` {version:.2f} ms); in-process hit: the slowest entry's lookup + load (KILN_LOG=cache)")


if __name__ == "__main__":
    main()
