# Functions passed to kernels: lambdas, inner functions (with what they capture), other kernels, NumPy functions and
# builtins as arguments of a kernel, which kiln lowers at the call (docs/language.md §9); CPython's answers.
import numpy as np

LIMIT = 1.5

def square(x):
    return x * x

def apply(f, a):
    out = np.empty_like(a)
    for i in range(a.shape[0]):
        out[i] = f(a[i])
    return out

def fold(f, xs, start):
    acc = start
    for x in xs:
        acc = f(acc, x)
    return acc

def count_if(pred, xs):
    n = 0
    for x in xs:
        if pred(x):
            n += 1
    return n

def twice(g, x):
    return apply(g, apply(g, x))

def newton(f, df, x0, steps):
    x = x0
    for _ in range(steps):
        x = x - f(x) / df(x)
    return x

# run: lambdas(np.array([1.0, 2.0, 4.0]), 3)
# expect: ([2.0, 4.0, 8.0], 14.0, 1)
def lambdas(a, k):
    scale = 2.0
    return apply(lambda v: v * scale, a), fold(lambda s, x: s + x * x, [1.0, 2.0, 3.0], 0.0), count_if(lambda x: x > k, a)

# run: inner(np.array([1.0, 2.0]), 3)
# expect: ([4.0, 5.0], [0.0, 1.0], [7.0, 8.0], [0.0, 1.0])
def inner(a, k):
    def shift(v):
        return v + k
    g = lambda v: v - 1.0
    return apply(shift, a), apply(g, a), twice(shift, a), apply(f=g, a=a)

# run: named(np.array([1.0, 4.0, 9.0]))
# expect: ([1.0, 16.0, 81.0], [1.0, 2.0, 3.0], [1.0, 4.0, 9.0], 9, 3, 7)
def named(a):
    m = max
    return apply(square, a), apply(np.sqrt, a), apply(abs, -a), fold(max, [3, 9, 4], 0), fold(min, [3, 9, 4], 10), m(3, 7)

# run: solver(2.0)
# expect: 1.414213562373095
def solver(c):
    return newton(lambda x: x * x - c, lambda x: 2.0 * x, 1.0, 6)

# run: shadowing(np.array([1.0]))
# expect: ([11.0], 1)
def shadowing(a):
    out = 10.0
    return apply(lambda v: v + out, a), count_if(lambda x: x > LIMIT, [1.0, 2.0])
