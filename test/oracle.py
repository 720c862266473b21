"""oracle.py — the NumPy every oracle script compares kiln with, checked before anything runs.

kiln follows NumPy 2 (NEP 50 promotion, its summation orders). A NumPy 1.x oracle (Debian 12's
python3-numpy is 1.24) disagrees with kiln on correct programs and reports false mismatches, so
each script refuses it with a clear message and a failed count instead: `make test` runs them
with build/pyenv/bin/python, the NumPy 2 venv scripts/deps.sh makes.

The oracle's NumPy runs its x86-64 loops without AVX-512 (NPY_DISABLE_CPU_FEATURES, set before NumPy
is imported): on a CPU with AVX-512, NumPy 2.4 dispatches expm1, arccosh, arctanh and the log family
to AVX-512 code (its SVML ports) that rounds some results differently in the last bit and gives NaNs
other signs, so the expected answers would depend on the machine the tests run on. kiln's answers
are libm's, which are NumPy's own on every other x86-64 CPU (docs/language.md lists the functions).

OpenBLAS picks its kernels by CPU too (Haswell's on an AMD EPYC, SkylakeX's on an AVX-512 Xeon), and they round
np.linalg, np.dot and np.cov's answers differently in the last bits: the expected values in test/run are NumPy's with
OpenBLAS's Haswell kernels, which every x86-64 CPU with AVX2 and FMA runs (OPENBLAS_CORETYPE, set here for the oracle
and by test/run_all.sh for every kiln the suites start). A CPU without them keeps its own kernels, and those cases may
differ there.
"""
import os
import sys


def blas_haswell():
    """whether this CPU runs OpenBLAS's Haswell kernels (AVX2 and FMA)"""
    try:
        flags = next((l.split() for l in open("/proc/cpuinfo") if l.startswith("flags")), [])
    except OSError:
        return False
    return "avx2" in flags and "fma" in flags


def numpy2(script):
    """NumPy, if it is 2.x; otherwise say why and exit with one failure"""
    os.environ.setdefault("NPY_DISABLE_CPU_FEATURES", "X86_V4 AVX512_ICL AVX512_SPR")  # NumPy 2.4's AVX-512 targets
    if blas_haswell():
        os.environ.setdefault("OPENBLAS_CORETYPE", "Haswell")
    try:
        import numpy as np
    except ImportError:
        np = None
    if np is None or int(np.__version__.split(".")[0]) < 2:
        found = "no NumPy" if np is None else "NumPy %s" % np.__version__
        print("%s: the oracle needs NumPy 2.x and %s has %s; run `sh scripts/deps.sh test` and use "
              "build/pyenv/bin/python" % (script, sys.executable, found))
        print("0 passed, 1 failed")
        sys.exit(1)
    return np
