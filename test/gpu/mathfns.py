# math functions: libdevice on the GPU, glibc on the CPU; results within 2 ulps of each other (docs/gpu.md)
# ulps: 2
# launch: fns 8,128 np.arange(1000, dtype=np.float64) np.zeros((7, 1000))
# launch: powers 8,128 np.arange(1000, dtype=np.float64) np.zeros(1000)
# launch: fused 8,128 np.arange(1000, dtype=np.float32) np.ones(1000, dtype=np.float32) np.arange(1000, dtype=np.float32) np.zeros(1000, dtype=np.float32)
from numba import cuda
import math
import numpy as np


def fns(x, out):
    i = cuda.grid(1)
    if i < x.shape[0]:
        v = x[i] / 100.0 + 0.5
        out[0, i] = math.exp(v)
        out[1, i] = math.log(v)
        out[2, i] = math.sin(v)
        out[3, i] = math.atan2(v, 1.5)
        out[4, i] = math.tanh(v - 5.0)
        out[5, i] = math.sqrt(v)
        out[6, i] = math.cos(v)


def fused(a, b, c, out):
    i = cuda.grid(1)
    if i < out.shape[0]:
        out[i] = np.exp(a[i] / 100) * b[i] + np.sqrt(c[i])


def powers(x, out):
    # ** of floats with CPython's rules: pow's special values, and 0.0 ** negative raises (not reached here)
    i = cuda.grid(1)
    if i < x.shape[0]:
        out[i] = (x[i] / 7.0) ** 2.5 + x[i] ** 0.0 + (x[i] - 500.0) ** 2
