#!/usr/bin/env python3
"""static_shapes.py — issue 23's targets: compile-time specialization on shapes and values.

For each kernel, in one run, rounds alternating between the configurations, medians kept:
  generic   kiln tier 2 (opt), shapes read at run time
  static    kiln tier 2 with --static-shapes (or --static k): the lengths constants in the code
  gcc       the same loops in C, gcc -O3 -march=native -ffp-contract=off (as bench/c/ref.c: no fused
            multiply-adds, whose rounding kiln's tiers do not have), the sizes compiled in (#define N)
The kernels start their sums at `x.dtype.type(0)`, a zero of the array's type, as the C's `T s = 0` (until the
eighteenth session they started at `a[i, 0] * 0`, a multiply and an add per element the C does not have).
Kernels (float64 and float32): matmul N x N (N = 4, 8, 16, 64; loops, as Mojo's example writes it),
a 3 x 3 stencil over 64 x 64, a dot product of length 16 — each repeated REPS times inside one call
so that a call takes ~0.2 ms and the call overhead does not count; and top_k(x, k) with k = 10 on
10^6 float32 (a sorted buffer of k, insertion), static k against dynamic k.
Compile time: tier 2's (lowering + passes + machine code, KILN_LOG=compiles) of the generic and the
shape-specialized matmul 8 x 8.

usage: static_shapes.py [ROUNDS [NAME]]   (build/pyenv/bin/python: NumPy 2 writes the .npy inputs; NAME: only
the kernels whose name holds it)
"""
import os
import re
import statistics
import subprocess
import sys
import tempfile

import numpy as np

from benchlib import kiln_warm_median

HERE = os.path.dirname(os.path.abspath(__file__))
KILN = os.path.join(HERE, "..", "build", "kiln")

SRC = '''
import numpy as np

def mm(a, b, c, reps):
    for r in range(reps):
        n, m = a.shape
        p = b.shape[1]
        for i in range(n):
            for j in range(p):
                s = a.dtype.type(0)
                for k in range(m):
                    s += a[i, k] * b[k, j]
                c[i, j] = s
    return c[0, 0]

def stencil(a, out, reps):
    for r in range(reps):
        n, m = a.shape
        for i in range(1, n - 1):
            for j in range(1, m - 1):
                out[i, j] = (a[i - 1, j - 1] + a[i - 1, j] + a[i - 1, j + 1] + a[i, j - 1] + a[i, j] * 4
                             + a[i, j + 1] + a[i + 1, j - 1] + a[i + 1, j] + a[i + 1, j + 1])
    return out[1, 1]

def dot(x, y, reps):
    t = x.dtype.type(0)
    for r in range(reps):
        s = x.dtype.type(0)
        for i in range(x.shape[0]):
            s += x[i] * y[i]
        t += s
    return t

def top_k(x, k):
    buf = np.full(k, -np.inf, dtype=x.dtype)
    for i in range(x.shape[0]):
        v = x[i]
        if v > buf[k - 1]:
            j = k - 1
            while j > 0 and buf[j - 1] < v:
                buf[j] = buf[j - 1]
                j -= 1
            buf[j] = v
    return buf[0] + buf[k - 1]
'''

C_SRC = r'''
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
typedef %(T)s T;
static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec * 1e-9; }
%(KERNEL)s
int main(int argc, char **argv) {
    long reps = atol(argv[1]);
    int runs = atoi(argv[2]);
    static T a[N * N], b[N * N], c[N * N];
    for (int i = 0; i < N * N; i++) { a[i] = (T)((i * 7) %% 11) - 5; b[i] = (T)((i * 5) %% 13) * (T)0.25; }
    double best[64];
    volatile T sink = 0;
    for (int r = 0; r < runs; r++) { double t0 = now(); sink += run(a, b, c, reps); best[r] = now() - t0; }
    for (int i = 1; i < runs; i++) for (int j = i; j > 0 && best[j] < best[j - 1]; j--) { double t = best[j]; best[j] = best[j - 1]; best[j - 1] = t; }
    printf("%%.9f\n", best[runs / 2]);
    return sink == 12345.678 ? 1 : 0;
}
'''

C_MM = r'''
__attribute__((noinline)) static T run(T *a, T *b, T *c, long reps) {
    for (long r = 0; r < reps; r++) {
        __asm__ volatile("" ::: "memory"); /* each repetition really runs, as in the kernel */
        for (int i = 0; i < N; i++)
            for (int j = 0; j < N; j++) {
                T s = 0;
                for (int k = 0; k < N; k++) s += a[i * N + k] * b[k * N + j];
                c[i * N + j] = s;
            }
    }
    return c[0];
}
'''

C_STENCIL = r'''
__attribute__((noinline)) static T run(T *a, T *b, T *c, long reps) {
    (void)c;
    for (long r = 0; r < reps; r++) {
        __asm__ volatile("" ::: "memory");
        for (int i = 1; i < N - 1; i++)
            for (int j = 1; j < N - 1; j++)
                b[i * N + j] = a[(i - 1) * N + j - 1] + a[(i - 1) * N + j] + a[(i - 1) * N + j + 1] + a[i * N + j - 1] + a[i * N + j] * 4
                               + a[i * N + j + 1] + a[(i + 1) * N + j - 1] + a[(i + 1) * N + j] + a[(i + 1) * N + j + 1];
    }
    return b[N + 1];
}
'''

C_DOT = r'''
__attribute__((noinline)) static T run(T *a, T *b, T *c, long reps) {
    (void)c;
    T t = 0;
    for (long r = 0; r < reps; r++) {
        __asm__ volatile("" ::: "memory");
        T s = 0;
        for (int i = 0; i < N; i++) s += a[i] * b[i];
        t += s;
    }
    return t;
}
'''


def gcc_time(kernel, n, ctype, reps, runs, tmp):
    src = os.path.join(tmp, "k.c")
    exe = os.path.join(tmp, "k")
    with open(src, "w") as f:
        f.write("#define N %d\n" % n + C_SRC % {"T": ctype, "KERNEL": kernel})
    subprocess.run(["gcc", "-O3", "-march=native", "-ffp-contract=off", "-o", exe, src], check=True)
    out = subprocess.run([exe, str(reps), str(runs)], capture_output=True, text=True, check=True)
    return float(out.stdout)


def npy(tmp, name, arr):
    path = os.path.join(tmp, name + ".npy")
    np.save(path, arr)
    return "@" + path


def compile_us(path, func, args, flags):
    """tier 2's compile time of func (inference, passes, LLVM), microseconds, as KILN_LOG=compiles says it"""
    r = subprocess.run([KILN, "run", "--tier", "opt", *flags, path, func, *args], capture_output=True, text=True,
                       env=dict(os.environ, KILN_CACHE="0", KILN_LOG="compiles"))
    m = re.search(r"compiled %s\(.*\) for opt in ([\d.]+) us" % func, r.stderr)
    return float(m.group(1)) if m else float("nan")


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    tmp = tempfile.mkdtemp()
    path = os.path.join(tmp, "static_kernels.py")
    with open(path, "w") as f:
        f.write(SRC)
    rows = []
    cases = []
    for dt, ctype in (("float64", "double"), ("float32", "float")):
        for n in (4, 8, 16, 64):
            reps = max(1, int(4e6 // n ** 3))
            a = (np.arange(n * n) * 7 % 11 - 5).astype(dt).reshape(n, n)
            b = (np.arange(n * n) * 5 % 13 * 0.25).astype(dt).reshape(n, n)
            args = [npy(tmp, "a%d%s" % (n, dt), a), npy(tmp, "b%d%s" % (n, dt), b), npy(tmp, "c%d%s" % (n, dt), np.zeros((n, n), dt)), str(reps)]
            cases.append(("matmul %dx%d %s" % (n, n, dt), "mm", args, ["--static-shapes"], (C_MM, n, ctype, reps)))
        n = 64
        reps = 300
        a = (np.arange(n * n) % 17 * 0.5).astype(dt).reshape(n, n)
        args = [npy(tmp, "s%s" % dt, a), npy(tmp, "o%s" % dt, np.zeros((n, n), dt)), str(reps)]
        cases.append(("stencil 3x3 on 64x64 %s" % dt, "stencil", args, ["--static-shapes"], (C_STENCIL, n, ctype, reps)))
        reps = 100000
        x = (np.arange(16) % 7 - 3).astype(dt)
        y = (np.arange(16) % 5 * 0.5).astype(dt)
        args = [npy(tmp, "x%s" % dt, x), npy(tmp, "y%s" % dt, y), str(reps)]
        cases.append(("dot 16 %s" % dt, "dot", args, ["--static-shapes"], (C_DOT, 16, ctype, reps)))
    xs = np.random.default_rng(3).random(10 ** 6, dtype=np.float32)
    cases.append(("top_k k=10, 1e6 float32", "top_k", [npy(tmp, "topk", xs), "10"], ["--static", "k"], None))
    only = sys.argv[2] if len(sys.argv) > 2 else ""
    for name, func, args, flags, c in cases:
        if only not in name:
            continue
        gen, sta, ref = [], [], []
        for _ in range(rounds):
            gen.append(kiln_warm_median(KILN, path, func, args, 15))
            sta.append(kiln_warm_median(KILN, path, func, args, 15, flags=flags))
            if c:
                ref.append(gcc_time(c[0], c[1], c[2], c[3], 15, tmp))
        g, s = statistics.median(gen), statistics.median(sta)
        r = statistics.median(ref) if ref else None
        rows.append((name, g, s, r))
        print("%-28s generic %9.1f us  static %9.1f us  generic/static %5.2fx%s" % (
            name, g * 1e6, s * 1e6, g / s, "  gcc %9.1f us  static/gcc %5.2fx" % (r * 1e6, s / r) if r else ""), flush=True)
    n = 8
    args8 = [npy(tmp, "a8c", np.ones((n, n))), npy(tmp, "b8c", np.ones((n, n))), npy(tmp, "c8c", np.zeros((n, n))), "1"]
    cg = statistics.median(compile_us(path, "mm", args8, []) for _ in range(5))
    cs = statistics.median(compile_us(path, "mm", args8, ["--static-shapes"]) for _ in range(5))
    print("tier-2 compile of matmul 8x8: generic %.0f us, static shapes %.0f us (%.2fx)" % (cg, cs, cs / cg))


if __name__ == "__main__":
    main()
