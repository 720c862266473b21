# Kernels exported by `kiln aot` in test/cli_test.sh and called from test/aot/prog.c.
import numpy as np
import math

def dot(x, y):
    s = 0.0
    for i in range(x.shape[0]):
        s += x[i] * y[i]
    return s

def get(a, i):
    return a[i]

def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)

def idiv(a, b):
    return a // b

def norm(m):
    s = 0.0
    for i in range(m.shape[0]):
        for j in range(m.shape[1]):
            s += m[i, j] * m[i, j]
    return math.sqrt(s)

def alloc(n):
    return np.zeros(n)

def bump(a, n):
    for i in range(a.shape[0]):
        a[i] += n
    return a[0]
