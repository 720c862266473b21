"""oracle.py — the NumPy every oracle script compares kiln with, checked before anything runs.

kiln follows NumPy 2 (NEP 50 promotion, its summation orders). A NumPy 1.x oracle (Debian 12's
python3-numpy is 1.24) disagrees with kiln on correct programs and reports false mismatches, so
each script refuses it with a clear message and a failed count instead: `make test` runs them
with build/pyenv/bin/python, the NumPy 2 venv scripts/deps.sh makes.
"""
import sys


def numpy2(script):
    """NumPy, if it is 2.x; otherwise say why and exit with one failure"""
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
