#!/usr/bin/env python3
"""tiering.py — tier auto against the forced tiers (make bench-tiering).

For each suite kernel at a size where a call takes microseconds to
milliseconds: the total time of the first N calls (compile and LLVM's load
included: what a program that makes N calls pays) under --tier baseline, opt
and auto, each in fresh processes (`kiln bench --json`), median of REPEAT
runs. The target (issue 6): auto / min(baseline, opt) <= 1.1 at every N.
The mandelbrot grid called once at full size needs OSR to meet it.

usage: python3 bench/tiering.py [KILN] [REPEAT]
"""
import json
import os
import statistics
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KILN = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build", "kiln")
REPEAT = int(sys.argv[2]) if len(sys.argv) > 2 else 5

# (file, function, arguments, largest N)
CASES = [
    ("bench/suite/compute.py", "compute", ["1.5"], 1000),
    ("bench/suite/compute.py", "compute_many", ["10000"], 1000),
    ("bench/suite/fib.py", "fib", ["15"], 1000),
    ("bench/suite/pisum.py", "pisum", [], 100),
    ("bench/suite/quicksort.py", "sort_check", ["2000"], 1000),
    ("bench/suite/topk.py", "top10", ["10000"], 1000),
    ("bench/suite/attention.py", "run", ["1", "2", "32", "16"], 1000),
    ("bench/mandelbrot.py", "grid", ["100", "100", "100"], 1000),
    ("bench/mandelbrot.py", "grid", ["1000", "1000", "100"], 1),
]
TIERS = ["baseline", "opt", "auto"]


def first_n(case, tier):
    f, fn, args, nmax = case
    cmd = [KILN, "bench", os.path.join(ROOT, f), fn, *args, "--tier", tier, "--warmup", "0",
           "--runs", str(max(nmax - 1, 1)), "--no-process", "--json"]
    env = dict(os.environ, KILN_CACHE="0")  # compiles, not disk-cache hits (bench/coldstart.py measures those)
    out = subprocess.run(cmd, capture_output=True, text=True, check=True, env=env).stdout
    return {int(k): v for k, v in json.loads(out)["first_n"].items()}


def main():
    print("| kernel | N | baseline ms | opt ms | auto ms | auto / best |")
    print("|---|---:|---:|---:|---:|---:|")
    worst = 0.0
    for case in CASES:
        runs = {t: [] for t in TIERS}
        for _ in range(REPEAT):
            for t in TIERS:  # interleaved, so that noise hits every tier alike
                runs[t].append(first_n(case, t))
        ns = sorted(set.intersection(*(set(r[0]) for r in runs.values())))
        for n in ns:
            med = {t: statistics.median(r[n] for r in runs[t]) * 1e3 for t in TIERS}
            ratio = med["auto"] / min(med["baseline"], med["opt"])
            worst = max(worst, ratio)
            name = f"{case[1]}({', '.join(case[2])})"
            print(f"| {name} | {n} | {med['baseline']:.2f} | {med['opt']:.2f} | {med['auto']:.2f} | {ratio:.2f} |")
        sys.stdout.flush()
    print(f"\nworst auto / best forced tier: {worst:.2f} (target <= 1.10)")


if __name__ == "__main__":
    main()
