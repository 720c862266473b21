#!/usr/bin/env python3
"""parallel.py — issue 24's targets: prange loops on 1 and 2 threads, against Numba's parallel=True and
a 2-thread STREAM triad in C (gcc -O3 -fopenmp), in one run, medians of ROUNDS rounds.

Kernels (all prange loops; kiln's tier 2 forced with tier='opt' so that the first call is already parallel):
mandelbrot grid (rows in parallel), pairwise distances 2000 x 3, a 1e7 float64 sum (a reduction),
saxpy 1e7, exp(a) * b + sqrt(c) over 1e7 float64, saxpy on 1,000 elements (prange against range: the
cost of a small parallel loop), and an empty parallel region (a kernel running 10,000 of them).
Numba runs the same source under @njit(parallel=True) with numba.set_num_threads.

usage: build/benchenv/bin/python bench/parallel.py [ROUNDS]   (make bench-parallel)
"""
import math
import os
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time

import numpy as np

SRC = '''
import math
import numpy as np
from kiln import prange

def mandel(out, xs, ys, maxit):
    for i in prange(ys.shape[0]):
        for j in range(xs.shape[0]):
            cr = xs[j]
            ci = ys[i]
            zr = 0.0
            zi = 0.0
            k = 0
            while k < maxit and zr * zr + zi * zi <= 4.0:
                t = zr * zr - zi * zi + cr
                zi = 2.0 * zr * zi + ci
                zr = t
                k += 1
            out[i, j] = k
    return out[0, 0]

def pairwise(x, out):
    n = x.shape[0]
    for i in prange(n):
        for j in range(n):
            d = 0.0
            for k in range(x.shape[1]):
                t = x[i, k] - x[j, k]
                d += t * t
            out[i, j] = math.sqrt(d)
    return out[0, 1]

def psum(a):
    s = 0.0
    for i in prange(a.shape[0]):
        s += a[i]
    return s

def saxpy(alpha, x, y, out):
    for i in prange(x.shape[0]):
        out[i] = alpha * x[i] + y[i]
    return out[0]

def saxpy_serial(alpha, x, y, out):
    for i in range(x.shape[0]):
        out[i] = alpha * x[i] + y[i]
    return out[0]

def expsqrt(a, b, c, out):
    for i in prange(a.shape[0]):
        out[i] = math.exp(a[i]) * b[i] + math.sqrt(c[i])
    return out[0]

def saxpy_arr(alpha, x, y):
    return alpha * x + y

def expsqrt_arr(a, b, c):
    return np.exp(a) * b + np.sqrt(c)

def empty_regions(out, reps):
    for r in range(reps):
        for i in prange(2):
            out[i] = r
    return out[0]
'''

TRIAD = r'''
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>
int main(int argc, char **argv) {
    long n = atol(argv[1]); int reps = atoi(argv[2]);
    double *a = malloc(n * 8), *b = malloc(n * 8), *c = malloc(n * 8);
    #pragma omp parallel for
    for (long i = 0; i < n; i++) { a[i] = 0; b[i] = i; c[i] = 2 * i; }
    double best[64]; int nb = 0;
    for (int r = 0; r < reps; r++) {
        double t0 = omp_get_wtime();
        #pragma omp parallel for
        for (long i = 0; i < n; i++) a[i] = b[i] + 3.0 * c[i];
        best[nb++] = omp_get_wtime() - t0;
    }
    for (int i = 1; i < nb; i++) for (int j = i; j > 0 && best[j] < best[j - 1]; j--) { double t = best[j]; best[j] = best[j - 1]; best[j - 1] = t; }
    printf("%.9f %f\n", best[nb / 2], a[n - 1]);
    return 0;
}
'''


def triad_gbs(threads, n, reps):
    d = tempfile.mkdtemp()
    src, exe = os.path.join(d, "triad.c"), os.path.join(d, "triad")
    open(src, "w").write(TRIAD)
    subprocess.run(["gcc", "-O3", "-march=native", "-fopenmp", src, "-o", exe], check=True)
    out = subprocess.run([exe, str(n), str(reps)], capture_output=True, text=True, check=True,
                         env=dict(os.environ, OMP_NUM_THREADS=str(threads))).stdout.split()
    return 3 * 8 * n / float(out[0]) / 1e9


def median_time(fn, args, reps):
    ts = []
    for _ in range(reps):
        t0 = time.perf_counter()
        fn(*args)
        ts.append(time.perf_counter() - t0)
    return statistics.median(ts)


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    import kiln
    import numba
    d = tempfile.mkdtemp()
    path = os.path.join(d, "par_kernels.py")
    open(path, "w").write(SRC)
    sys.path.insert(0, d)
    import par_kernels as K
    names = ["mandel", "pairwise", "psum", "saxpy", "saxpy_serial", "expsqrt", "empty_regions", "saxpy_arr", "expsqrt_arr"]
    kk = {n: kiln.jit(tier="opt", parallel=True)(getattr(K, n)) for n in names}
    kk["saxpy_arr_serial"] = kiln.jit(tier="opt")(K.saxpy_arr)
    # Numba needs numba.prange in the module: the kernels' globals get it
    K.prange = numba.prange
    nb = {n: numba.njit(parallel=True)(getattr(K, n)) for n in names}
    nb["saxpy_arr_serial"] = numba.njit(K.saxpy_arr)
    rng = np.random.default_rng(1)
    n7 = 10_000_000
    a, b, c = rng.random(n7), rng.random(n7), rng.random(n7)
    out7 = np.empty(n7)
    xs, ys = np.linspace(-2.0, 0.5, 600), np.linspace(-1.25, 1.25, 400)
    grid = np.empty((400, 600), dtype=np.int64)
    pts = rng.random((2000, 3))
    dist = np.empty((2000, 2000))
    small = (2.0, a[:1000].copy(), b[:1000].copy(), np.empty(1000))
    cases = [
        ("mandelbrot 600x400, maxit 200", "mandel", (grid, xs, ys, 200)),
        ("pairwise distances 2000x3", "pairwise", (pts, dist)),
        ("sum 1e7 float64 (reduction)", "psum", (a,)),
        ("saxpy 1e7 float64", "saxpy", (2.0, a, b, out7)),
        ("exp(a)*b+sqrt(c) 1e7 float64", "expsqrt", (a, b, c, out7)),
        ("saxpy 1e7, parallel=True array", "saxpy_arr", (2.0, a, b)),
        ("exp*b+sqrt 1e7, parallel=True arr", "expsqrt_arr", (a, b, c)),
        ("saxpy 1000, prange", "saxpy", small),
        ("saxpy 1000, range", "saxpy_serial", small),
        ("saxpy 1000, parallel=True array", "saxpy_arr", small[:3]),
        ("saxpy 1000, serial array", "saxpy_arr_serial", small[:3]),
        ("10,000 empty regions", "empty_regions", (np.zeros(2), 10000)),
    ]
    reps = {"mandel": 3, "pairwise": 3, "psum": 5, "saxpy": 5, "expsqrt": 3, "saxpy_serial": 5, "empty_regions": 3,
            "saxpy_arr": 5, "expsqrt_arr": 3, "saxpy_arr_serial": 5}
    for _, n, args in cases:  # compile and warm both
        kk[n](*args); nb[n](*args)
    # answers agree (mandelbrot and the distances exactly; the sum to rounding: Numba's order differs)
    kiln.config.threads = 2
    numba.set_num_threads(2)
    kk["mandel"](grid, xs, ys, 200); kk["pairwise"](pts, dist)
    g, dd = grid.copy(), dist.copy()
    nb["mandel"](grid, xs, ys, 200); nb["pairwise"](pts, dist)
    assert np.array_equal(g, grid) and np.array_equal(dd, dist)
    assert abs(kk["psum"](a) - nb["psum"](a)) < 1e-6 * abs(nb["psum"](a))
    res = {}
    for r in range(rounds):
        for t in (1, 2):
            kiln.config.threads = t
            numba.set_num_threads(t)
            for label, n, args in cases:
                rr = 400 if n.startswith("saxpy") and args[1].shape[0] == 1000 else reps[n]
                res.setdefault((label, "kiln", t), []).append(median_time(kk[n], args, rr))
                res.setdefault((label, "numba", t), []).append(median_time(nb[n], args, rr))
    kiln.config.threads = 1
    s1 = kk["psum"](a)
    bits = {s1.hex()}
    for t in (2, 3, 7, 64):
        kiln.config.threads = t
        bits.add(kk["psum"](a).hex())
    tri1, tri2 = triad_gbs(1, 20_000_000, 21), triad_gbs(2, 20_000_000, 21)
    print("# bench/parallel.py, %d rounds (medians), kiln tier 2 (opt) vs Numba %s parallel=True" % (rounds, numba.__version__))
    print("%-34s %12s %12s %8s %12s %12s %8s %9s" % ("kernel", "kiln 1t ms", "kiln 2t ms", "2t/1t", "numba 1t", "numba 2t", "2t/1t", "kiln/nb 2t"))
    for label, n, args in cases:
        k1, k2 = statistics.median(res[(label, "kiln", 1)]) * 1e3, statistics.median(res[(label, "kiln", 2)]) * 1e3
        n1, n2 = statistics.median(res[(label, "numba", 1)]) * 1e3, statistics.median(res[(label, "numba", 2)]) * 1e3
        print("%-34s %12.4f %12.4f %8.2f %12.4f %12.4f %8.2f %9.2f" % (label, k1, k2, k1 / k2, n1, n2, n1 / n2, k2 / n2))
    e2 = statistics.median(res[("10,000 empty regions", "kiln", 2)]) / 10000 * 1e6
    en2 = statistics.median(res[("10,000 empty regions", "numba", 2)]) / 10000 * 1e6
    print("empty region, 2 threads: kiln %.2f us, numba %.2f us" % (e2, en2))
    for label in ("saxpy 1e7 float64", "exp(a)*b+sqrt(c) 1e7 float64", "saxpy 1e7, parallel=True array",
                  "exp*b+sqrt 1e7, parallel=True arr"):
        ms = statistics.median(res[(label, "kiln", 2)]) * 1e3
        nbytes = (3 if "saxpy" in label else 4) * 8 * n7  # triad's count: bytes read and written
        print("%s: kiln 2 threads %.1f GB/s; STREAM triad (gcc -fopenmp) 1 thread %.1f GB/s, 2 threads %.1f GB/s"
              % (label, nbytes / ms / 1e6, tri1, tri2))
    print("sum 1e7 bits for 1, 2, 3, 7, 64 threads: %d distinct value(s) (%r)" % (len(bits), s1))


if __name__ == "__main__":
    main()
