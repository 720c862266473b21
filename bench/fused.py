#!/usr/bin/env python3
"""fused.py — whole-array expressions fused into one loop (make bench-fused).

In one run, on float64 arrays of N elements (default 2**22, 32 MiB each):
  - a STREAM-style triad a = b + s*c in C (cc -O3 -march=native, through
    ctypes) on arrays with transparent huge pages, as kiln's large arrays
    have: this machine's memory bandwidth, 24 bytes per element;
  - NumPy eager on each expression (a temporary per operation);
  - kiln tier 2 (`kiln bench --tier opt`, warm calls, median), the same
    expression fused into one loop that allocates only its result (the
    stencil writes into its second argument: no allocation).
Reported: median seconds, GB/s counting each array read or written once,
kiln's bandwidth as a fraction of the triad's, and NumPy / kiln.
Targets (issue 9): >= 85% of the triad's bandwidth, >= 2x NumPy eager.
"expsqrt --fastmath" is the exp/sqrt kernel compiled with --fastmath, where
tier 2 calls glibc's vector exp (libmvec) four lanes at a time; without it
every tier calls libm's exp once per element, as NumPy does (bit for bit).

usage: python3 bench/fused.py [KILN] [N] [RUNS]
"""
import ctypes
import os
import subprocess
import sys
import tempfile

import numpy as np

from benchlib import kiln_warm_median, median_time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KILN = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build", "kiln")
N = int(sys.argv[2]) if len(sys.argv) > 2 else 1 << 22
RUNS = int(sys.argv[3]) if len(sys.argv) > 3 else 15
SIDE = int(N ** 0.5)  # the stencil's grid: SIDE x SIDE

KERNELS = '''import numpy as np
def saxpy(a, x, y):
    return a * x + y
def expsqrt(a, b, c):
    return np.exp(a) * b + np.sqrt(c)
def poly(x, y):
    return (x * 2.0 + 1.0) * y - x / (y + 3.0)
def stencil(u, v):
    v[1:-1, 1:-1] = 0.25 * (u[:-2, 1:-1] + u[2:, 1:-1] + u[1:-1, :-2] + u[1:-1, 2:])
    return v
'''


def np_stencil(u, v):
    v[1:-1, 1:-1] = 0.25 * (u[:-2, 1:-1] + u[2:, 1:-1] + u[1:-1, :-2] + u[1:-1, 2:])
    return v


# name, args (arrays by letter, scalars as text), arrays touched, NumPy eager
CASES = [
    ("saxpy", ["2.5", "x", "y"], 3, lambda d: 2.5 * d["x"] + d["y"]),
    ("poly", ["x", "y"], 3, lambda d: (d["x"] * 2.0 + 1.0) * d["y"] - d["x"] / (d["y"] + 3.0)),
    ("expsqrt", ["a", "b", "c"], 4, lambda d: np.exp(d["a"]) * d["b"] + np.sqrt(d["c"])),
    # the same under --fastmath: exp through glibc's vector math library (libmvec, within 4 ulp)
    ("expsqrt --fastmath", ["a", "b", "c"], 4, lambda d: np.exp(d["a"]) * d["b"] + np.sqrt(d["c"])),
    # a 5-point stencil on a square grid of about N points through slices: u read once, v written
    ("stencil", ["u", "v"], 2, lambda d: np_stencil(d["u"], d["v"])),
]

TRIAD = r'''
#include <stdint.h>
void triad(double *a, const double *b, const double *c, double s, int64_t n) {
    for (int64_t i = 0; i < n; i++) a[i] = b[i] + s * c[i];
}
/* the stencil as a C programmer writes it, for the same grid */
void stencil(const double *restrict u, double *restrict v, int64_t n) {
    for (int64_t i = 1; i < n - 1; i++)
        for (int64_t j = 1; j < n - 1; j++)
            v[i * n + j] = 0.25 * (u[(i - 1) * n + j] + u[(i + 1) * n + j] + u[i * n + j - 1] + u[i * n + j + 1]);
}
'''




def huge(n):
    """a float64 array on transparent huge pages where the kernel gives them, as kiln's large arrays are
    (4 KiB pages would cost the triad TLB misses kiln's results do not pay)"""
    import mmap
    m = mmap.mmap(-1, 8 * n + (2 << 20))
    if hasattr(mmap, "MADV_HUGEPAGE"):
        m.madvise(mmap.MADV_HUGEPAGE)
    return np.frombuffer(m, dtype=np.float64, count=n)


def c_lib(tmp):
    src, lib = os.path.join(tmp, "triad.c"), os.path.join(tmp, "triad.so")
    with open(src, "w") as f:
        f.write(TRIAD)
    subprocess.run(["cc", "-O3", "-march=native", "-shared", "-fPIC", src, "-o", lib], check=True)
    return ctypes.CDLL(lib)


def c_stencil_time(tmp, side, runs):
    fn = c_lib(tmp).stencil
    p = ctypes.POINTER(ctypes.c_double)
    fn.argtypes = [p, p, ctypes.c_int64]
    u, v = huge(side * side), huge(side * side)
    u[:] = 1.0
    return median_time(lambda: fn(u.ctypes.data_as(p), v.ctypes.data_as(p), side), runs)


def triad_time(tmp, runs):
    fn = c_lib(tmp).triad
    p = ctypes.POINTER(ctypes.c_double)
    fn.argtypes = [p, p, p, ctypes.c_double, ctypes.c_int64]
    a, b, c = huge(N), huge(N), huge(N)
    b[:] = 1.0
    c[:] = 2.0
    ptr = lambda x: x.ctypes.data_as(p)  # noqa: E731
    return median_time(lambda: fn(ptr(a), ptr(b), ptr(c), 3.0, N), runs)


def kiln_time(tmp, name, args):
    """name is the kernel's, then kiln's options"""
    argv = [a if len(a) > 1 else "@" + os.path.join(tmp, a + ".npy") for a in args]
    func, *flags = name.split()
    return kiln_warm_median(KILN, os.path.join(tmp, "k.py"), func, argv, RUNS, flags=flags)


def main():
    tmp = tempfile.mkdtemp(prefix="kiln-fused-")
    rng = np.random.default_rng(1)
    data = {k: rng.uniform(0.1, 2.0, N) for k in "abcxy"}
    data["u"], data["v"] = rng.uniform(0.1, 2.0, (SIDE, SIDE)), np.zeros((SIDE, SIDE))
    for k, v in data.items():
        np.save(os.path.join(tmp, k + ".npy"), v)
    with open(os.path.join(tmp, "k.py"), "w") as f:
        f.write(KERNELS)
    t_triad = triad_time(tmp, RUNS)
    bw = 24.0 * N / t_triad / 1e9
    print("N = %d float64; triad (C -O3): %.4f s, %.2f GB/s" % (N, t_triad, bw))
    print("%-18s %10s %10s %8s %8s %10s" % ("kernel", "numpy s", "kiln s", "kiln GB/s", "of triad", "numpy/kiln"))
    for name, args, arrays, eager in CASES:
        t_np = median_time(lambda: eager(data), RUNS)
        t_k = kiln_time(tmp, name, args)
        gbs = 8.0 * arrays * N / t_k / 1e9
        print("%-18s %10.4f %10.4f %8.2f %7.0f%% %10.2f" % (name, t_np, t_k, gbs, 100 * gbs / bw, t_np / t_k))
        if name == "stencil":
            t_c = c_stencil_time(tmp, SIDE, RUNS)
            print("%-18s %10s %10.4f %8.2f %7.0f%%   (the same loop in C, cc -O3; kiln / C time: %.2f)"
                  % ("  C", "", t_c, 8.0 * arrays * N / t_c / 1e9, 100 * 8.0 * arrays * N / t_c / 1e9 / bw, t_k / t_c))


if __name__ == "__main__":
    main()
