# errors raised in a kernel: the same exception and message on every device (the GPU's record is replayed on
# the host through the CPU tiers' helpers), with the kernel's line
# launch: oob 1,8 np.zeros(8)
# launch: zdiv 2,4 np.arange(8) np.zeros(8)
# launch: explicit 1,4 np.arange(4)
# launch: negshift 1,4 np.arange(4)
# launch: domain 1,4 np.arange(4, dtype=np.float64)
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
    a[i] = 1 << (a[i] - 2)


def domain(a):
    i = cuda.grid(1)
    a[i] = math.sqrt(a[i] - 2.0)
