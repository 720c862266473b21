# Example kernels: plain Python, run by kiln with the types of the call.
import math
import numpy as np


def fib(n):
    """Recursion: the type of fib is inferred from its base case."""
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def mandelbrot(w, h, max_iter):
    """Escape counts of a w x h grid over [-2, 1] x [-1.5, 1.5]."""
    sr = 3.0 / (w - 1)
    si = 3.0 / (h - 1)
    total = 0
    for j in range(h):
        ci = 1.5 if j == h - 1 else j * si - 1.5
        for i in range(w):
            cr = 1.0 if i == w - 1 else i * sr - 2.0
            zr, zi = cr, ci
            n = 0
            while n < max_iter and zr * zr + zi * zi <= 4.0:
                zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
                n += 1
            total += n
    return total


def saxpy(a, x, y):
    """y = a*x + y in place; returns y."""
    for i in range(len(x)):
        y[i] = a * x[i] + y[i]
    return y


def stats(x):
    """Mean and standard deviation in one pass (Welford)."""
    mean = 0.0
    m2 = 0.0
    for k, v in enumerate(x):
        d = v - mean
        mean += d / (k + 1)
        m2 += d * (v - mean)
    return mean, math.sqrt(m2 / len(x))


def pi_sum():
    """The Julia micro-benchmark."""
    s = 0.0
    for j in range(500):
        s = 0.0
        for k in range(1, 10001):
            s += 1.0 / (k * k)
    return s


def matmul(a, b):
    n, k = a.shape
    m = b.shape[1]
    c = np.zeros((n, m))
    for i in range(n):
        for p in range(k):
            aip = a[i, p]
            for j in range(m):
                c[i, j] += aip * b[p, j]
    return c


def attention(q, k, v):
    """scaled dot-product attention over (batch, heads, tokens, dim) arrays, as JAX/PyTorch users write it"""
    s = np.einsum("bhqd,bhkd->bhqk", q, k) / np.sqrt(q.shape[-1])
    w = np.exp(s - s.max(axis=-1, keepdims=True))
    w = w / w.sum(axis=-1, keepdims=True)
    return np.einsum("bhqk,bhkd->bhqd", w, v)


def jacobi(u, steps):
    """a 5-point stencil through slices; each sweep is one fused loop writing v"""
    v = u.copy()
    for _ in range(steps):
        v[1:-1, 1:-1] = 0.25 * (u[:-2, 1:-1] + u[2:, 1:-1] + u[1:-1, :-2] + u[1:-1, 2:])
        u, v = v, u
    return u
