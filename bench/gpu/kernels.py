"""kernels.py — the GPU benchmark's kernels, written once for Numba's CUDA API: gpu_bench.py executes this file
with `cuda` bound to kiln.cuda or numba.cuda (the same source, compiled by each)."""
import math

import numpy as np

# `cuda` is given by the loader (gpu_bench.load): kiln.cuda or numba.cuda


@cuda.jit  # noqa: F821
def saxpy(a, x, y, out):
    i = cuda.grid(1)  # noqa: F821
    if i < x.shape[0]:
        out[i] = a * x[i] + y[i]


@cuda.jit  # noqa: F821
def saxpy4(a, x, y, out):
    # a grid-stride loop, four elements a trip (more memory requests in flight per thread, fewer blocks)
    i = cuda.grid(1)  # noqa: F821
    step = cuda.gridsize(1)  # noqa: F821
    n = x.shape[0]
    while i + 3 * step < n:
        out[i] = a * x[i] + y[i]
        out[i + step] = a * x[i + step] + y[i + step]
        out[i + 2 * step] = a * x[i + 2 * step] + y[i + 2 * step]
        out[i + 3 * step] = a * x[i + 3 * step] + y[i + 3 * step]
        i += 4 * step
    while i < n:
        out[i] = a * x[i] + y[i]
        i += step


@cuda.jit  # noqa: F821
def fused(a, b, c, out):
    # NumPy's functions of float32 scalars: float32 results (kiln: NumPy's rules; Numba: its typing)
    i = cuda.grid(1)  # noqa: F821
    if i < out.shape[0]:
        out[i] = np.exp(a[i]) * b[i] + np.sqrt(c[i])


@cuda.jit  # noqa: F821
def fused_math(a, b, c, out):
    # math.exp of a float32: float32 in Numba, a Python float (float64) in kiln, as in CPython
    i = cuda.grid(1)  # noqa: F821
    if i < out.shape[0]:
        out[i] = math.exp(a[i]) * b[i] + math.sqrt(c[i])


@cuda.jit  # noqa: F821
def block_sum(x, out):
    # a grid-stride loop four loads at a time (independent sums: more memory requests in flight), a tree in shared
    # memory per block, one atomic per block
    buf = cuda.shared.array(256, np.float32)  # noqa: F821
    t = cuda.threadIdx.x  # noqa: F821
    a0 = np.float32(0.0)
    a1 = np.float32(0.0)
    a2 = np.float32(0.0)
    a3 = np.float32(0.0)
    i = cuda.grid(1)  # noqa: F821
    step = cuda.gridsize(1)  # noqa: F821
    n = x.shape[0]
    while i + 3 * step < n:
        a0 += x[i]
        a1 += x[i + step]
        a2 += x[i + 2 * step]
        a3 += x[i + 3 * step]
        i += 4 * step
    while i < n:
        a0 += x[i]
        i += step
    buf[t] = (a0 + a1) + (a2 + a3)
    cuda.syncthreads()  # noqa: F821
    s = 128
    while s > 0:
        if t < s:
            buf[t] += buf[t + s]
        cuda.syncthreads()  # noqa: F821
        s //= 2
    if t == 0:
        cuda.atomic.add(out, 0, buf[0])  # noqa: F821


@cuda.jit  # noqa: F821
def mandel(img, max_iter):
    x, y = cuda.grid(2)  # noqa: F821
    h = img.shape[0]
    w = img.shape[1]
    if x < w and y < h:
        cr = -2.0 + x * 3.0 / w
        ci = -1.5 + y * 3.0 / h
        zr = 0.0
        zi = 0.0
        n = 0
        while n < max_iter and zr * zr + zi * zi <= 4.0:
            zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
            n += 1
        img[y, x] = n
