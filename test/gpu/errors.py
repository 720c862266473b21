# errors raised in a kernel: the same exception and message on every device (the GPU's record is replayed on
# the host through the CPU tiers' helpers), with the kernel's line. One thread raises in each: when several do,
# the CPU reports the first in thread order and the GPU the first to reach its error record
# launch: oob 1,8 np.zeros(8)
# launch: zdiv 2,4 np.arange(8) np.zeros(8)
# launch: explicit 1,4 np.arange(4)
# launch: negshift 1,4 np.arange(4)
# launch: domain 1,4 np.arange(4, dtype=np.float64)
# launch: zpow 1,4 np.arange(4, dtype=np.float64)
from numba import cuda
import math


def oob(a):
    i = cuda.grid(1)
    a[i + 1] = 1.0


def zdiv(a, out):
    i = cuda.grid(1)
    out[i] = 100 // (a[i] - 5)


def explicit(a):
    i = cuda.grid(1)
    if a[i] == 3:
        raise ValueError("three is not allowed")


def negshift(a):
    i = cuda.grid(1)
    a[i] = 1 << (a[i] - 1)


def domain(a):
    i = cuda.grid(1)
    a[i] = math.sqrt(a[i] - 1.0)


def zpow(a):
    # Python floats (not NumPy's, which give inf): 0.0 ** negative raises ZeroDivisionError
    i = cuda.grid(1)
    if a[i] == 2.0:
        x = float(a[i]) - 2.0
        a[i] = x ** -1.5
