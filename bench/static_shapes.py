#!/usr/bin/env python3
"""static_shapes.py — issue 23's targets: compile-time specialization on shapes and values.

For each kernel, in one process, on the same arrays, rounds alternating between the configurations, medians kept:
  generic   kiln tier 2 (kiln.jit(tier="opt")), shapes read at run time
  static    kiln tier 2 with static_shapes=True (or static_argnames=("k",)): the lengths constants in the code
  gcc       the same loops in C, gcc -O3 -march=native -ffp-contract=off (as bench/c/ref.c: no fused
            multiply-adds, whose rounding kiln's tiers do not have), the sizes compiled in (#define N), built as a
            shared object and called through ctypes on the same arrays (restrict pointers: the arrays do not
            overlap, as the static arrays of a C program's own cannot; kiln checks that at run time)
Each kernel is timed with its input placed at three offsets from a 64-byte boundary (0, 24 and 40 bytes; the
outputs stay aligned): a load that spans two cache lines costs more, and where an array starts moved the stencils'
times by up to 35% (gcc's as much as kiln's). Until the nineteenth session gcc ran as a program of its own with
static arrays and kiln through `kiln bench` on arrays from .npy files: two placements, and ratios that swung from
run to run (the float32 stencil 1.05-1.50x gcc; in one process on the same arrays 0.69-0.79x).
The kernels start their sums at `x.dtype.type(0)`, a zero of the array's type, as the C's `T s = 0` (until the
eighteenth session they started at `a[i, 0] * 0`, a multiply and an add per element the C does not have).
Kernels (float64 and float32): matmul N x N (N = 4, 8, 16, 64; loops, as Mojo's example writes it),
a 3 x 3 stencil over 64 x 64, a dot product of length 16 — each repeated REPS times inside one call
so that a call takes ~0.2 ms and the call overhead does not count; and top_k(x, k) with k = 10 on
10^6 float32 (a sorted buffer of k, insertion), static k against dynamic k.
Compile time: tier 2's (lowering + passes + machine code, KILN_LOG=compiles) of the generic and the
shape-specialized matmul 8 x 8.

usage: static_shapes.py [ROUNDS [NAME]]   (build/pyenv/bin/python with the kiln package installed, as `make
bench-static` does; NAME: only the kernels whose name holds it)
"""
import ctypes
import os
import re
import statistics
import subprocess
import sys
import tempfile

import numpy as np

import kiln
from benchlib import median_time, module_from_source

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
typedef %(T)s T;
%(KERNEL)s
'''

C_MM = r'''
T run(T *restrict a, T *restrict b, T *restrict c, long reps) {
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
T run(T *restrict a, T *restrict b, T *restrict c, long reps) {
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
T run(T *restrict a, T *restrict b, T *restrict c, long reps) {
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


def gcc_kernel(kernel, n, ctype, tmp):
    """the C kernel run(a, b, c, reps), built with N = n and T = ctype into a shared object, as a ctypes function"""
    src = os.path.join(tmp, "k%d%s%d.c" % (n, ctype, abs(hash(kernel))))
    so = src[:-2] + ".so"
    with open(src, "w") as f:
        f.write("#define N %d\n" % n + C_SRC % {"T": ctype, "KERNEL": kernel})
    subprocess.run(["gcc", "-O3", "-march=native", "-ffp-contract=off", "-shared", "-fPIC", "-o", so, src], check=True)
    run = ctypes.CDLL(so).run
    run.restype = ctypes.c_double if ctype == "double" else ctypes.c_float
    run.argtypes = [ctypes.c_void_p, ctypes.c_void_p, ctypes.c_void_p, ctypes.c_long]
    return run


class Placer:
    """arrays at chosen offsets from a 64-byte boundary, in one buffer that lives as long as the run"""
    def __init__(self):
        self.buf = np.zeros(1 << 24, dtype=np.uint8)
        self.next = (-self.buf.ctypes.data) % 4096

    def place(self, arr, offset):
        start = self.next + offset
        view = self.buf[start:start + arr.nbytes].view(arr.dtype).reshape(arr.shape)
        view[...] = arr
        self.next = (start + arr.nbytes + 4095) // 4096 * 4096 + 1024  # the next array on another 4 KiB phase
        return view


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
    only = sys.argv[2] if len(sys.argv) > 2 else ""
    tmp = tempfile.mkdtemp()
    path = os.path.join(tmp, "static_kernels.py")
    with open(path, "w") as f:
        f.write(SRC)
    mod = module_from_source(SRC, "static_kernels")
    placer = Placer()
    cases = []  # name, kernel name, inputs (placed at the offsets), outputs, other arguments, the C kernel and its sizes
    for dt, ctype in (("float64", "double"), ("float32", "float")):
        for n in (4, 8, 16, 64):
            reps = max(1, int(4e6 // n ** 3))
            a = (np.arange(n * n) * 7 % 11 - 5).astype(dt).reshape(n, n)
            b = (np.arange(n * n) * 5 % 13 * 0.25).astype(dt).reshape(n, n)
            cases.append(("matmul %dx%d %s" % (n, n, dt), "mm", [a, b], [np.zeros((n, n), dt)], [reps], (C_MM, n, ctype)))
        n = 64
        a = (np.arange(n * n) % 17 * 0.5).astype(dt).reshape(n, n)
        cases.append(("stencil 3x3 on 64x64 %s" % dt, "stencil", [a], [np.zeros((n, n), dt)], [300], (C_STENCIL, n, ctype)))
        x = (np.arange(16) % 7 - 3).astype(dt)
        y = (np.arange(16) % 5 * 0.5).astype(dt)
        cases.append(("dot 16 %s" % dt, "dot", [x, y], [], [100000], (C_DOT, 16, ctype)))
    for name, func, ins, outs, rest, c in cases:
        if only not in name:
            continue
        py = getattr(mod, func)
        generic = kiln.jit(py, tier="opt", cache=False)
        static = kiln.jit(py, tier="opt", cache=False, static_shapes=True)
        ref = gcc_kernel(c[0], c[1], c[2], tmp)
        gen, sta, gcc, ratio = [], [], [], []
        for offset in (0, 24, 40):
            arrs = [placer.place(v, offset) for v in ins] + [placer.place(v, 0) for v in outs]
            args = arrs + rest
            ptrs = [v.ctypes.data for v in arrs] + [None] * (3 - len(arrs)) + rest
            for _ in range(rounds):
                g = median_time(lambda: generic(*args), 15)
                s = median_time(lambda: static(*args), 15)
                r = median_time(lambda: ref(*ptrs), 15)
                gen.append(g)
                sta.append(s)
                gcc.append(r)
                ratio.append(s / r)
        g, s, r = statistics.median(gen), statistics.median(sta), statistics.median(gcc)
        print("%-28s generic %9.1f us  static %9.1f us  generic/static %5.2fx  gcc %9.1f us  static/gcc %5.2fx (%.2f-%.2f)" % (
            name, g * 1e6, s * 1e6, g / s, r * 1e6, statistics.median(ratio), min(ratio), max(ratio)), flush=True)
    if only in "top_k k=10, 1e6 float32":
        xs = np.random.default_rng(3).random(10 ** 6, dtype=np.float32)
        dynamic = kiln.jit(mod.top_k, tier="opt", cache=False)
        static = kiln.jit(mod.top_k, tier="opt", cache=False, static_argnames=("k",))
        dyn, sta = [], []
        for _ in range(rounds):
            dyn.append(median_time(lambda: dynamic(xs, 10), 15))
            sta.append(median_time(lambda: static(xs, 10), 15))
        d, s = statistics.median(dyn), statistics.median(sta)
        print("%-28s dynamic k %9.1f us  static k %9.1f us  dynamic/static %5.2fx" % ("top_k k=10, 1e6 float32", d * 1e6, s * 1e6, d / s),
              flush=True)
    if only not in "tier-2 compile of matmul":
        return
    n = 8
    args8 = [npy(tmp, "a8c", np.ones((n, n))), npy(tmp, "b8c", np.ones((n, n))), npy(tmp, "c8c", np.zeros((n, n))), "1"]
    cg = statistics.median(compile_us(path, "mm", args8, []) for _ in range(5))
    cs = statistics.median(compile_us(path, "mm", args8, ["--static-shapes"]) for _ in range(5))
    print("tier-2 compile of matmul 8x8: generic %.0f us, static shapes %.0f us (%.2fx)" % (cg, cs, cs / cg))


if __name__ == "__main__":
    main()
