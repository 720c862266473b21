#!/usr/bin/env python3
"""reduce_order_check.py — kiln's reductions against NumPy's, bit for bit, on the layouts where
NumPy's order of operations differs: contiguous rows (pairwise sums), sliced 2-d views (the
8192-element buffer groups rows), kept innermost axes (in-order sums), transposes, strides,
3-d views reduced over two axes, float32, var/std/mean, complex128 and complex64 sums (NumPy's
complex pairwise loop), means, products and scans. One .npy per shape, every kernel on the
interpreter and on tier 2 (the library routine is the same code; the fused producers are not).

usage: reduce_order_check.py KILN   (ends "N passed, N failed"; skipped without numpy)
"""
import os
import subprocess
import sys
import tempfile

from oracle import numpy2

np = numpy2("reduce_order_check.py")
if tuple(int(x) for x in np.__version__.split(".")[:2]) < (2, 4):
    # kiln reproduces the order of NumPy 2.4 (checked there); older iterators group rows differently
    print("reduce order check skipped: NumPy %s is older than 2.4" % np.__version__)
    print("0 passed, 0 failed")
    sys.exit(0)

KERNELS = '''import numpy as np
def full(a):
    return a.sum()
def view(a):
    return a[1:, 1:].sum()
def ax0(a):
    return a.sum(axis=0)
def ax1(a):
    return a.sum(axis=1)
def tr(a):
    return a.T.sum(axis=1)
def step(a):
    return a[:, ::2].sum()
def v3(a):
    return a.reshape(a.shape[0], 5, -1)[:, 1:, :].sum(axis=(1, 2))
def mean_var(a):
    return (a.mean(), a.var(), a[1:, 1:].std(axis=0)[0])
def f32(a):
    b = np.zeros(a.shape, dtype=np.float32)
    b[:, :] = a
    return (b.sum(), b[1:, 1:].sum(), b.sum(axis=1)[0], b.mean())
def c128(a):
    z = a * (1.0 + 0.5j)
    return (z.sum(), z[1:, 1:].sum(), z.sum(axis=0)[-1], z.sum(axis=1)[0], z.T.sum(axis=1)[0], z.mean(), z[:, ::2].sum(),
            z[1:, 1:].mean(axis=0)[0], z[:3, :3].prod(), np.cumsum(z[:2, :4]), z.var(), z[1:, ::2].std(axis=0)[0],
            z.T.var(axis=1, ddof=1)[-1])
def c64(a):
    z = np.zeros(a.shape, dtype=np.complex64)
    z[:, :] = a * (1.0 - 2.0j)
    return (z.sum(), z[1:, 1:].sum(), z.sum(axis=1)[0], z.mean(), z.sum(axis=0)[0], z[:2, :3].prod(axis=1), z.var(),
            z[1:, 1:].std(axis=1)[0])
'''
SHAPES = [(3, 5), (10, 10), (37, 301), (100, 100), (3, 5000), (1000, 7), (5, 20000), (300, 300), (2, 70000), (64, 200)]


def py(v):
    if isinstance(v, np.ndarray):
        return v.tolist()
    if isinstance(v, tuple):
        return tuple(py(x) for x in v)
    return v.item() if isinstance(v, np.generic) else v


def main():
    kiln = sys.argv[1] if len(sys.argv) > 1 else "build/kiln"
    tmp = tempfile.mkdtemp(prefix="kiln-order-")
    path = os.path.join(tmp, "k.py")
    with open(path, "w") as f:
        f.write(KERNELS)
    ns = {}
    exec(KERNELS, ns)
    rng = np.random.default_rng(5)
    passed = failed = 0
    for shp in SHAPES:
        a = rng.standard_normal(shp) * 1e3
        npy = os.path.join(tmp, "a.npy")
        np.save(npy, a)
        for name in ["full", "view", "ax0", "ax1", "tr", "step", "v3", "mean_var", "f32", "c128", "c64"]:
            if name == "v3" and shp[1] % 5:
                continue
            want = repr(py(ns[name](a)))
            for tier in ["interp", "opt"]:
                r = subprocess.run([kiln, "run", "--tier", tier, path, name, "@" + npy], capture_output=True, text=True,
                                   env=dict(os.environ, KILN_CACHE="0"))
                if r.returncode == 0 and r.stdout.strip() == want:
                    passed += 1
                else:
                    failed += 1
                    print("FAIL %s %s on %s: got %s %s, want %s" % (name, shp, tier, r.stdout.strip()[:120], r.stderr.strip()[:200],
                                                                    want[:120]))
    print("%d passed, %d failed" % (passed, failed))


if __name__ == "__main__":
    main()
