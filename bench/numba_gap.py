#!/usr/bin/env python3
"""numba_gap.py — issue 22's micro-kernels: where kiln was far behind Numba, each pattern isolated,
run under kiln (tier 1 baseline, tier 2 opt) and Numba 0.68 in one process, and against NumPy where
the kernel is one NumPy expression. Every kernel is warmed up and its answer checked against CPython
first; then the timings alternate between the runners, and the median of the rounds is kept.

  escape_c   z = z * z * 0.5 + c, 10^6 steps on a Python complex, |z|^2 as z.real**2 + z.imag**2
             (target: <= 1.2x escape_f)
  escape_f   the same recurrence on two floats (the reference for escape_c)
  escape_abs escape_c testing abs(z) > 4.0 (hypot, as CPython computes abs)
  cadd       a + b of two 10,000-element complex128 arrays         (target: <= NumPy's time)
  cmul_abs   abs(a * b).sum() over complex128 arrays (fused, NumPy's complex product and abs)
  sq_scalar  sum of (x - 0.5) ** 2 over a loop of Python floats    (target: the product's speed)
  sq_prod    the same written (x - 0.5) * (x - 0.5)
  cube       a ** 3 of a 10,000-element float64 array               (target: <= NumPy's time)
  square     a ** 2 of the same array (NumPy's fast path: a * a)
  cumsum     np.cumsum of 10^6 float64                               (target: <= NumPy's time)
  colsum     a.sum(axis=0) of a 1000 x 200 float64 array             (target: <= NumPy's time)
  rowsum     a.sum(axis=1) of the same array                         (target: <= NumPy's time)
  colstd     a.std(axis=0) of the same array                         (target: <= NumPy's time)
  recur      out[i] = out[i - 1] * 0.5 + a[i] over 10^6 elements     (target: <= 1.2x unchecked)
  pdist      a 400 x 400 distance matrix, np.sqrt(np.sum((X[i] - X[j]) ** 2)) over rows of 3 (target: <= 1.5x Numba)
  rownorms   np.sqrt(np.sum(X[i] ** 2)) over 2000 rows of 64              (target: <= 1.5x Numba)
  minmax     a.min() + a.max() of 10^6 float64                         (target: <= NumPy's time)
  hist       a 64-bin histogram of 10^6 floats between a.min() and a.max() (target: <= 1.5x Numba)
  argmax     the index of the largest of 10^6 float64 by a loop (a scan: back/llvm/scan.c)
  topk       the 10 largest of 10^6 float32 by a loop with a sorted buffer (a scan)
  julia      escape counts of a 120 x 80 Julia set, tested by cmath.polar(z)[0] <= 2.0 (its phase unused)
  life       400 steps of Conway's game on an 8 x 8 torus, a grid.copy() per step (`grid = new`)
  pairdist   mean and max of a 200-point distance matrix by broadcasting, sum(axis=-1), np.triu_indices, D[iu]
  kmeans     one k-means step: ((C - X[i]) ** 2).sum(axis=1) and np.argmin per point (20,000 x 2, 8 centres)
  resample   np.interp of 10^4 sorted points over 10^3 samples
  masked     a[a > 0.5] of 40,000 float64 (a random mask)          (target: <= NumPy's time)
  (the last six found by timing bench/kernel_coverage's kernels at larger sizes against Numba: 3-12x behind)
  sort_int   np.sort of 10^5 int64 in [0, 10^4)                     (target: <= NumPy's time)
  sort_f64   np.sort of 10^5 float64                                 (target: <= NumPy's time)
  unique     np.unique of the same ints
  lj_sum     Lennard-Jones energy of 300 points, d = P[i] - P[j], (d * d).sum() per pair
  lj_dot     the same with np.dot(d, d) (Numba: only with SciPy)
  counts     a dict counting 10^5 ints in [0, 1000) by d.get(k, 0) + 1
  mc_pi      np.random.seed, two np.random.random(2 x 10^5), the share inside the circle
  conv2d     a 200 x 200 image by a 5 x 5 kernel, four nested loops (img[i + a, j + b])
  floyd      Floyd-Warshall on 120 x 120 (a conditional store in the inner loop)
  (the last nine found by new kernels of those kinds, 2-40x behind before the thirty-fifth session)

NumPy runs as kiln's oracle runs it (test/cpython_check.py): without its AVX-512 loops, whose SVML
pow and friends are not glibc's bits; kiln's answers are checked against that NumPy.

usage: numba_gap.py [ROUNDS [KERNEL ...]]   (a Python with kiln, NumPy 2 and Numba: build/benchenv; KERNELs: only those)
"""
import os
os.environ.setdefault("NPY_DISABLE_CPU_FEATURES", "X86_V4 AVX512_ICL AVX512_SPR")
import statistics
import sys
import time

import numpy as np

from benchlib import module_from_source, per_call

SRC = '''
import cmath

import numpy as np

def escape_c(n):
    z = 0j
    c = 0.25 + 0.5j
    k = 0
    for i in range(n):
        z = z * z * 0.5 + c
        if z.real * z.real + z.imag * z.imag > 16.0:
            z = 0j
            k += 1
    return z.real + z.imag + k

def escape_abs(n):
    z = 0j
    c = 0.25 + 0.5j
    k = 0
    for i in range(n):
        z = z * z * 0.5 + c
        if abs(z) > 4.0:
            z = 0j
            k += 1
    return z.real + z.imag + k

def escape_f(n):
    zr = 0.0
    zi = 0.0
    k = 0
    for i in range(n):
        zr, zi = (zr * zr - zi * zi) * 0.5 + 0.25, (zr * zi + zi * zr) * 0.5 + 0.5
        if zr * zr + zi * zi > 16.0:
            zr = 0.0
            zi = 0.0
            k += 1
    return zr + zi + k

def cadd(a, b):
    return a + b

def cmul_abs(a, b):
    return np.abs(a * b).sum()

def sq_scalar(n):
    s = 0.0
    for i in range(n):
        x = i * 1e-6
        s += (x - 0.5) ** 2
    return s

def sq_prod(n):
    s = 0.0
    for i in range(n):
        x = i * 1e-6
        s += (x - 0.5) * (x - 0.5)
    return s

def cube(a):
    return a ** 3

def square(a):
    return a ** 2

def cumsum(a):
    return np.cumsum(a)

def colsum(a):
    return a.sum(axis=0)

def rowsum(a):
    return a.sum(axis=1)

def colstd(a):
    return a.std(axis=0)

def recur(a):
    out = np.empty_like(a)
    out[0] = a[0]
    for i in range(1, len(a)):
        out[i] = out[i - 1] * 0.5 + a[i]
    return out

def pdist(X):
    n = X.shape[0]
    D = np.empty((n, n))
    for i in range(n):
        for j in range(n):
            D[i, j] = np.sqrt(np.sum((X[i] - X[j]) ** 2))
    return D

def rownorms(X):
    out = np.empty(X.shape[0])
    for i in range(X.shape[0]):
        out[i] = np.sqrt(np.sum(X[i] ** 2))
    return out

def minmax(a):
    return a.min() + a.max()

def hist(a):
    h = np.zeros(64, dtype=np.int64)
    lo = a.min()
    hi = a.max()
    for x in a:
        k = int((x - lo) / (hi - lo) * 64)
        if k == 64:
            k -= 1
        h[k] += 1
    return h

def argmax(a):
    m = a[0]
    k = 0
    for i in range(1, a.shape[0]):
        if a[i] > m:
            m = a[i]
            k = i
    return k

def topk(x):
    buf = np.full(10, -np.inf, dtype=x.dtype)
    for i in range(x.shape[0]):
        v = x[i]
        if v > buf[9]:
            j = 9
            while j > 0 and buf[j - 1] < v:
                buf[j] = buf[j - 1]
                j -= 1
            buf[j] = v
    return buf

def julia(w, h):
    c = complex(-0.8, 0.156)
    counts = np.zeros((h, w), dtype=np.int64)
    for y in range(h):
        for x in range(w):
            z = complex(-1.5 + 3.0 * x / w, -1.0 + 2.0 * y / h)
            n = 0
            while cmath.polar(z)[0] <= 2.0 and n < 40:
                z = z * z + c
                n += 1
            counts[y, x] = n
    return counts

def life(steps):
    n = 8
    grid = np.zeros((n, n), dtype=np.int64)
    grid[1, 2] = grid[2, 3] = grid[3, 1] = grid[3, 2] = grid[3, 3] = 1
    for _ in range(steps):
        new = grid.copy()
        for i in range(n):
            for j in range(n):
                s = 0
                for di in (-1, 0, 1):
                    for dj in (-1, 0, 1):
                        if di or dj:
                            s += grid[(i + di) % n, (j + dj) % n]
                new[i, j] = 1 if s == 3 or (s == 2 and grid[i, j]) else 0
        grid = new
    return grid.sum()

def pairdist(P):
    D = np.sqrt(((P[:, None, :] - P[None, :, :]) ** 2).sum(axis=-1))
    iu = np.triu_indices(len(P), 1)
    return D[iu].mean(), D[iu].max()

def kmeans(X, C):
    k = C.shape[0]
    labels = np.empty(X.shape[0], dtype=np.int64)
    for i in range(X.shape[0]):
        d = ((C - X[i]) ** 2).sum(axis=1)
        labels[i] = np.argmin(d)
    newC = np.zeros_like(C)
    counts = np.bincount(labels, minlength=k)
    for i in range(X.shape[0]):
        newC[labels[i]] += X[i]
    for j in range(k):
        if counts[j] > 0:
            newC[j] /= counts[j]
    return newC

def resample(t, y):
    grid = np.arange(t[0], t[-1], (t[-1] - t[0]) / 10000)
    return np.interp(grid, t, y)

def masked(a):
    return a[a > 0.5]

def sort_int(a):
    return np.sort(a)

def sort_f64(a):
    return np.sort(a)

def unique(a):
    return np.unique(a)

def lj_sum(P):
    n = P.shape[0]
    e = 0.0
    for i in range(n):
        for j in range(i + 1, n):
            d = P[i] - P[j]
            r2 = (d * d).sum()
            ir6 = 1.0 / (r2 * r2 * r2)
            e += 4.0 * (ir6 * ir6 - ir6)
    return e

def lj_dot(P):
    n = P.shape[0]
    e = 0.0
    for i in range(n):
        for j in range(i + 1, n):
            d = P[i] - P[j]
            r2 = np.dot(d, d)
            ir6 = 1.0 / (r2 * r2 * r2)
            e += 4.0 * (ir6 * ir6 - ir6)
    return e

def counts(a):
    d = {}
    for v in a:
        d[v] = d.get(v, 0) + 1
    best = 0
    for k in d:
        if d[k] > best:
            best = d[k]
    return best

def mc_pi(n):
    np.random.seed(1)
    x = np.random.random(n)
    y = np.random.random(n)
    return 4.0 * np.sum(x * x + y * y < 1.0) / n

def conv2d(img, ker):
    h, w = img.shape
    kh, kw = ker.shape
    out = np.zeros((h - kh + 1, w - kw + 1))
    for i in range(h - kh + 1):
        for j in range(w - kw + 1):
            s = 0.0
            for a in range(kh):
                for b in range(kw):
                    s += img[i + a, j + b] * ker[a, b]
            out[i, j] = s
    return out[-1, -1] + out[0, 0]

def floyd(D):
    n = D.shape[0]
    for k in range(n):
        for i in range(n):
            dik = D[i, k]
            for j in range(n):
                if dik + D[k, j] < D[i, j]:
                    D[i, j] = dik + D[k, j]
    return D.sum()
'''

_rng = np.random.default_rng(7)
_ca = _rng.random(10_000) + 1j * _rng.random(10_000)
_cb = _rng.random(10_000) - 1j * _rng.random(10_000)
_fa = _rng.random(10_000) * 3.0
_big = _rng.random(1_000_000)
_mat = _rng.random((1000, 200))
_pts = _rng.random((400, 3))
_rows = _rng.random((2000, 64))
_big32 = _rng.random(1_000_000, dtype=np.float32)
_p200 = _rng.random((200, 2))
_km_x, _km_c = _rng.random((20_000, 2)), _rng.random((8, 2))
_rs_t, _rs_y = np.sort(_rng.random(1000)) * 100.0, _rng.random(1000)
_m40k = _rng.random(40_000)
_i1e5 = _rng.integers(0, 10_000, 100_000)
_f1e5 = _rng.random(100_000)
_p300 = _rng.random((300, 3)) * 10.0
_c1e5 = _rng.integers(0, 1000, 100_000)
_img, _ker = _rng.random((200, 200)), _rng.random((5, 5))
_dist = _rng.random((120, 120))  # floyd's first call makes it its shortest paths; later calls find nothing to change

CASES = [
    ("escape_c", (1_000_000,), None),
    ("escape_f", (1_000_000,), None),
    ("escape_abs", (1_000_000,), None),
    ("cadd", (_ca, _cb), lambda a, b: a + b),
    ("cmul_abs", (_ca, _cb), lambda a, b: np.abs(a * b).sum()),
    ("sq_scalar", (1_000_000,), None),
    ("sq_prod", (1_000_000,), None),
    ("cube", (_fa,), lambda a: a ** 3),
    ("square", (_fa,), lambda a: a ** 2),
    ("cumsum", (_big,), np.cumsum),
    ("colsum", (_mat,), lambda a: a.sum(axis=0)),
    ("rowsum", (_mat,), lambda a: a.sum(axis=1)),
    ("colstd", (_mat,), lambda a: a.std(axis=0)),
    ("recur", (_big,), None),
    ("pdist", (_pts,), None),
    ("rownorms", (_rows,), None),
    ("minmax", (_big,), lambda a: a.min() + a.max()),
    ("hist", (_big,), None),
    ("argmax", (_big,), np.argmax),
    ("topk", (_big32,), None),
    ("julia", (120, 80), None),
    ("life", (400,), None),
    ("pairdist", (_p200,), None),
    ("kmeans", (_km_x, _km_c), None),
    ("resample", (_rs_t, _rs_y), None),
    ("masked", (_m40k,), lambda a: a[a > 0.5]),
    ("sort_int", (_i1e5,), np.sort),
    ("sort_f64", (_f1e5,), np.sort),
    ("unique", (_i1e5,), np.unique),
    ("lj_sum", (_p300,), None),
    ("lj_dot", (_p300,), None),
    ("counts", (_c1e5,), None),
    ("mc_pi", (200_000,), None),
    ("conv2d", (_img, _ker), None),
    ("floyd", (_dist,), None),
]


def same(x, y):
    if isinstance(x, np.ndarray):
        return x.dtype == y.dtype and x.shape == y.shape and x.tobytes() == y.tobytes()
    return x == y


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    import kiln
    import numba
    mod = module_from_source(SRC, "gapkernels")
    print("%-10s %11s %11s %11s %11s %9s %9s" % ("kernel", "tier1 (us)", "tier2 (us)", "numba (us)", "numpy (us)",
                                                  "t2/numba", "t2/numpy"))
    only = sys.argv[2:]
    for name, args, npf in CASES:
        if only and name not in only:
            continue
        py = getattr(mod, name)
        runners = [kiln.jit(py, tier="baseline"), kiln.jit(py, tier="opt"), numba.njit(py)]
        if npf:
            runners.append(npf)
        want = py(*args)
        for f in runners[:2]:  # kiln's tiers print what CPython prints, bit for bit
            if not same(f(*args), want):
                raise SystemExit("%s: %r, CPython %r" % (name, f(*args), want))
        try:
            runners[2](*args)
        except Exception as e:  # a construct Numba does not run (np.std's axis): no column for it
            print("  (numba: %s)" % str(e).split("\n")[0][:80])
            runners[2] = None
        t0 = time.perf_counter()
        runners[1](*args)
        reps = max(1, int(0.05 / max(time.perf_counter() - t0, 1e-7)))
        times = [[] for _ in runners]
        for _ in range(rounds):
            for k, f in enumerate(runners):
                if f is not None:
                    times[k].append(per_call(f, args, reps))
        m = [statistics.median(t) * 1e6 if t else float("nan") for t in times]
        npt = m[3] if npf else float("nan")
        print("%-10s %11.1f %11.1f %11.1f %11.1f %9.2f %9.2f" % (name, m[0], m[1], m[2], npt, m[1] / m[2], m[1] / npt))


if __name__ == "__main__":
    main()
