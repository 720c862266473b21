"""demo.py — kiln from Python (make demo): the first call and a warm call of two kernels, next to
Numba's when Numba is installed in this Python."""
import time

import kiln

try:
    import numpy as np
except ImportError:
    np = None


@kiln.jit
def compute(x):
    return x * x + 2 * x + 1


@kiln.jit
def mandel(cr, ci, maxit):
    zr = 0.0
    zi = 0.0
    for i in range(maxit):
        zr2 = zr * zr
        zi2 = zi * zi
        if zr2 + zi2 > 4.0:
            return i
        zi = 2.0 * zr * zi + ci
        zr = zr2 - zi2 + cr
    return maxit


def timed(f, *args):
    t0 = time.perf_counter()
    r = f(*args)
    first = time.perf_counter() - t0
    n = 20000
    t0 = time.perf_counter()
    for _ in range(n):
        f(*args)
    return r, first, (time.perf_counter() - t0) / n


def show(name, f, g, *args):
    r, first, warm = timed(f, *args)
    line = "%-26s = %-6r kiln: first call %8.1f us, warm %6.0f ns" % (name, r, first * 1e6, warm * 1e9)
    if g is not None:
        _, gfirst, gwarm = timed(g, *args)
        line += " | Numba: first call %8.1f us, warm %6.0f ns" % (gfirst * 1e6, gwarm * 1e9)
    print(line)


try:
    import numba
    nb_compute, nb_mandel = numba.njit(compute.py_func), numba.njit(mandel.py_func)
except Exception:  # noqa: BLE001  (not installed, or not importable with this NumPy)
    nb_compute = nb_mandel = None
    print("(Numba is not installed in this Python: kiln's times only)")

show("compute(1.5)", compute, nb_compute, 1.5)
show("mandel(-0.5, 0.5, 100)", mandel, nb_mandel, -0.5, 0.5, 100)
if np is not None:
    @kiln.jit
    def saxpy(a, x, y):
        for i in range(len(x)):
            y[i] = a * x[i] + y[i]
        return y
    y = np.zeros(5)
    print("saxpy(2.0, ones, y) is y:", saxpy(2.0, np.ones(5), y) is y, y)
