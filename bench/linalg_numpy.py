#!/usr/bin/env python3
"""linalg_numpy.py — np.linalg, products and np.convolve in kernels, against NumPy (and Numba where it runs them).

Inside Python kiln calls the OpenBLAS NumPy has loaded (rt/blas.c) with NumPy's own steps, so every result here is
checked to be NumPy's bit for bit before it is timed. Kernels (each one call; medians of ROUNDS rounds of per-call
means):
  solve_loop   out[i] = np.linalg.solve(A[i], B[i]) for 10,000 4 x 4 systems (NumPy: the same loop in Python)
  lstsq_loop   a line fitted by np.linalg.lstsq to each of 5,000 sets of 10 points
  svd_loop     the singular values of 5,000 3 x 3 matrices
  mm_chain     r = a @ r, 100,000 times, 4 x 4 (NumPy: the loop in Python)
  conv5        np.convolve of 10^6 samples with 5 taps (NumPy's small-kernel path), one call
  conv101      the same with 101 taps (a BLAS dot per output), one call of 10^5 samples

usage: build/benchenv/bin/python bench/linalg_numpy.py [ROUNDS]   (kiln installed; Numba optional)
"""
import statistics
import sys
import time

import numpy as np

import kiln
from benchlib import module_from_source

SRC = '''
import numpy as np

def solve_loop(A, B):
    out = np.empty(B.shape)
    for i in range(A.shape[0]):
        out[i] = np.linalg.solve(A[i], B[i])
    return out

def lstsq_loop(X, Y):
    out = np.empty((X.shape[0], 2))
    for i in range(X.shape[0]):
        A = np.vstack((X[i], np.ones(X.shape[1]))).T
        out[i] = np.linalg.lstsq(A, Y[i], rcond=None)[0]
    return out

def svd_loop(M):
    out = np.empty((M.shape[0], 3))
    for i in range(M.shape[0]):
        out[i] = np.linalg.svd(M[i], compute_uv=False)
    return out

def mm_chain(a, n):
    r = np.eye(a.shape[0])
    for i in range(n):
        r = a @ r
    return r

def conv(x, k):
    return np.convolve(x, k)
'''


def timed(f, args, rounds):
    f(*args)
    reps = max(1, int(0.2 / max(1e-7, _once(f, args))))
    t = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        for _ in range(reps):
            f(*args)
        t.append((time.perf_counter() - t0) / reps)
    return statistics.median(t) * 1e3


def _once(f, args):
    t0 = time.perf_counter()
    f(*args)
    return time.perf_counter() - t0


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    mod = module_from_source(SRC, "lakernels")
    try:
        import numba
    except ImportError:
        numba = None
    rng = np.random.default_rng(0)
    A = rng.random((10000, 4, 4)) + 4 * np.eye(4)
    cases = [
        ("solve_loop", mod.solve_loop, (A, rng.random((10000, 4)))),
        ("lstsq_loop", mod.lstsq_loop, (rng.random((5000, 10)), rng.random((5000, 10)))),
        ("svd_loop", mod.svd_loop, (rng.random((5000, 3, 3)),)),
        ("mm_chain", mod.mm_chain, (np.eye(4) * 0.5 + 0.01, 100000)),
        ("conv5", mod.conv, (rng.random(10 ** 6), rng.random(5))),
        ("conv101", mod.conv, (rng.random(10 ** 5), rng.random(101))),
    ]
    print("%-11s %12s %12s %12s %9s %9s" % ("kernel", "kiln (ms)", "numpy (ms)", "numba (ms)", "kiln/np", "kiln/nb"))
    for name, py, args in cases:
        k = kiln.jit(py, tier="opt")
        want, got = py(*args), k(*args)
        if want.dtype != got.dtype or want.tobytes() != got.tobytes():
            raise SystemExit("%s: kiln's result is not NumPy's" % name)
        nb = None
        if numba is not None:
            try:
                nf = numba.njit(py)
                nf(*args)
                nb = nf
            except Exception:  # a construct Numba does not run (lstsq, svd without SciPy ...)
                nb = None
        tk, tn = timed(k, args, rounds), timed(py, args, rounds)
        tb = timed(nb, args, rounds) if nb else float("nan")
        print("%-11s %12.2f %12.2f %12.2f %9.2f %9.2f" % (name, tk, tn, tb, tk / tn, tk / tb))


if __name__ == "__main__":
    main()
