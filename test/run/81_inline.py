# Calls of small scalar kernels replaced by their bodies (opt/inline.c: one block of operations on scalars that touch
# no memory, returning one value), on every tier; what may raise in them raises at the callee's line as before, a call
# a try body protects keeps its handler; kernels that do not qualify stay calls. CPython's answers.
import numpy as np

def poly(x):
    return x * x + 2 * x + 1

# run: sum_poly(1000)
# expect: 2331.8334999999984
def sum_poly(n):
    s = 0.0
    for i in range(n):
        s += poly(i * 1e-3)
    return s

def mix(a, b):
    return (a ^ b) + (a & 3) * 7 - b

# run: ints(50)
# expect: 934
def ints(n):
    t = 0
    for i in range(n):
        t += mix(i, n - i)
    return t

def clip01(x):
    return 0.0 if x < 0.0 else (1.0 if x > 1.0 else x)

def is_big(x):
    return x > 0.5

# run: clipped()
# expect: (2.8, 2)
def clipped():
    s = 0.0
    k = 0
    for v in [-1.0, 0.25, 0.5, 2.0, 0.75, 0.8]:
        s += clip01(v) * (1.0 if v < 1.5 else 0.5)
        if is_big(v):
            k += 1
    return s, k - 1

def rot(z):
    return z * 1j + z.conjugate()

# run: spin(3)
# expect: 0j
def spin(n):
    z = 1 + 1j
    for i in range(n):
        z = rot(z) - (z.real - z.imag) * 1j
    return z

def rows(a):
    return a.shape[0] * 10 + a.shape[1]

# run: shapes()
# expect: 57
def shapes():
    a = np.zeros((3, 4))
    b = np.ones((2, 3))
    return rows(a) + rows(b)

def same(x):
    return x

def seven(x):
    return 7

def twice(x):
    return poly(x) + poly(-x)

# run: trivial(2.5)
# expect: (2.5, 7, 14.5)
def trivial(x):
    return same(x), seven(x), twice(x)

def safe_div(a, b):
    return a / b

# run: divides(2.0)
# expect-error: line 81: ZeroDivisionError: float division by zero
def divides(x):
    t = safe_div(x, 4.0)
    return t + safe_div(x, 0.0)

def branchy(x):
    if x > 0:
        return 1
    return -1

# run: signs()
# expect: 1
def signs():
    return branchy(3) + branchy(-2) + branchy(5)

def f32sq(x):
    return x * x

# run: narrow()
# expect: 2.25
def narrow():
    return f32sq(np.float32(1.5))

def inc(x):
    return x + 1

def inc2(x):
    return inc(x) + 1

def runaway_pure(n):
    if n < 0:
        return 0
    return inc2(n) + runaway_pure(n + 1)

# cpython: skip (the depth RecursionError comes at: kiln counts kernel frames, CPython all of its own)
# run: runaway_pure(0)
# expect-error: line 111: RecursionError: maximum recursion depth exceeded
# inc2 (with inc inlined into it) is inlined here; at depth 999 the call of inc2 fits and the call of inc inside it
# does not: the error names inc's line, as it did when both were calls

import math

def sig(x):
    return 1.0 / (1.0 + math.exp(-x))

# run: sigs(20)
# expect: 20.000000000000004
def sigs(n):
    s = 0.0
    for i in range(-n, n + 1):
        s += sig(i * 0.5)
    return s - 0.5

# run: sig_overflow()
# expect-error: line 127: OverflowError: math range error
def sig_overflow():
    return sig(1.0) + sig(-1000.0)

# run: catches(3.0)
# expect: (0.75, -1.0)
def catches(x):
    a = safe_div(x, 4.0)
    try:
        b = safe_div(x, 0.0)
    except ZeroDivisionError:
        b = -1.0
    return a, b

def ratio(a, b):
    return (a // b) * 10 + a % b

# run: ratios(7)
# expect: 34
def ratios(n):
    t = 0
    for i in range(1, n):
        t += ratio(n * i, i + 1)
    return t - 258

# run: ratio_zero()
# expect-error: line 153: ZeroDivisionError: integer division or modulo by zero
def ratio_zero():
    return ratio(5, 2) + ratio(3, 0)
