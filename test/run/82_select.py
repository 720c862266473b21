# If-conversion (opt/select.c): branches whose arms compute a few pure values become SELECTs; arms that may raise or
# read memory stay branches (the way not taken must not raise). CPython's answers on every tier.
import math
import numpy as np

# run: maxes([1.5, -2.0, 7.25, 3.0])
# expect: (7.25, -2.0, 2)
def maxes(xs):
    hi = -math.inf
    lo = math.inf
    k = 0
    for x in xs:
        hi = x if x > hi else hi
        if x < lo:
            lo = x
        k += 1 if x > 2.0 else 0
    return hi, lo, k

# run: nan_pick()
# expect: (nan, 1.0, 1.0, nan)
def nan_pick():
    n = math.nan
    a = n if n > 1.0 else 1.0
    b = n if n < 1.0 else 1.0
    c = 1.0 if n != n else n
    return max(n, 1.0), a, c, min(n, 1.0) if b == 1.0 else 0.0

# run: guarded(0.0, 4)
# expect: (0.0, 0.0)
def guarded(x, n):
    a = np.arange(3.0)
    y = 1.0 / x if x != 0.0 else 0.0
    z = a[n] if n < 3 else 0.0
    return y, z

# run: clamp_sum(10)
# expect: 5.5
def clamp_sum(n):
    s = 0.0
    for i in range(n):
        t = i * 0.25 - 0.5
        s += 0.0 if t < 0.0 else (1.0 if t > 1.0 else t)
    return s

# run: ints(-7, 12)
# expect: (12, -7, 7, 5, True, False)
def ints(a, b):
    m = a
    if b > m:
        m = b
    w = b if a > b else a
    s = -a if a < 0 else a
    d = (b - 7) if b > 7 else (7 - b)
    return m, w, s, d, a < 0 if b > 0 else b < 0, a > 0 if b > 0 else True

# run: arms(3)
# expect: (10, 2.5, (1+2j), 'odd')
def arms(n):
    t = 0
    if n > 2:
        u = n * 3
        t = u + 1
    else:
        t = n - 1
    f = n * 0.5 + 1.0 if n % 2 == 1 else n * 2.0
    z = 1 + 2j if n > 0 else 3j
    s = "odd" if n % 2 == 1 else "even"
    return t, f, z, s

# run: narrow(np.float32(1.5))
# expect: (2.25, 1.5)
def narrow(x):
    y = x * x if x > 1.0 else x
    return y, x if x < 2.0 else np.float32(2.0)
