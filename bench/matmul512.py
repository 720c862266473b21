#!/usr/bin/env python3
"""matmul512.py — a @ b for 512x512 float64 against OpenBLAS itself (make bench-matmul).

In one run, single-threaded (OPENBLAS_NUM_THREADS=1 unless already set), warm medians:
  - kiln tier 2 on `return a @ b` (a new result each call, as NumPy's);
  - cblas_dgemm of Debian's OpenBLAS through ctypes into a preallocated result;
  - NumPy's a @ b (its own bundled BLAS).
Target (issue 9): kiln within 1.2x of OpenBLAS.

usage: python3 bench/matmul512.py [KILN] [N] [RUNS]
"""
import ctypes
import os
import sys
import tempfile

os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
import numpy as np  # noqa: E402

from benchlib import kiln_warm_median, median_time  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
KILN = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build", "kiln")
N = int(sys.argv[2]) if len(sys.argv) > 2 else 512
RUNS = int(sys.argv[3]) if len(sys.argv) > 3 else 21




def main():
    tmp = tempfile.mkdtemp(prefix="kiln-mm-")
    rng = np.random.default_rng(1)
    a, b = rng.standard_normal((N, N)), rng.standard_normal((N, N))
    np.save(os.path.join(tmp, "a.npy"), a)
    np.save(os.path.join(tmp, "b.npy"), b)
    path = os.path.join(tmp, "mm.py")
    with open(path, "w") as f:
        f.write("def mm(a, b):\n    return a @ b\n")
    t_k = kiln_warm_median(KILN, path, "mm", ["@" + os.path.join(tmp, n + ".npy") for n in "ab"], RUNS)
    try:
        blas = ctypes.CDLL("libopenblas.so.0")
    except OSError:
        sys.exit("libopenblas.so.0 not found (Debian: libopenblas0)")
    c = np.empty((N, N))
    p = ctypes.POINTER(ctypes.c_double)
    dg = blas.cblas_dgemm
    dg.argtypes = [ctypes.c_int] * 6 + [ctypes.c_double, p, ctypes.c_int, p, ctypes.c_int, ctypes.c_double, p, ctypes.c_int]
    pa, pb, pc = (x.ctypes.data_as(p) for x in (a, b, c))
    t_b = median_time(lambda: dg(101, 111, 111, N, N, N, 1.0, pa, N, pb, N, 0.0, pc, N), RUNS)
    t_np = median_time(lambda: a @ b, RUNS)
    print("%dx%d float64 a @ b, warm medians, OPENBLAS_NUM_THREADS=%s" % (N, N, os.environ["OPENBLAS_NUM_THREADS"]))
    print("kiln (tier 2)            %.5f s" % t_k)
    print("OpenBLAS cblas_dgemm     %.5f s   kiln / OpenBLAS: %.2f" % (t_b, t_k / t_b))
    print("NumPy a @ b              %.5f s   kiln / NumPy:    %.2f" % (t_np, t_k / t_np))


if __name__ == "__main__":
    main()
