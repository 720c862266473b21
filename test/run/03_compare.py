# Section 6: comparisons and boolean operators
import math

# run: chain(1, 2, 3)
# expect: (True, True, False, False, True)
# run: chain(1, 3, 2)
# expect: (False, False, True, False, True)
# run: chain(2, 2, 2)
# expect: (False, True, False, True, False)
def chain(a, b, c):
    return (a < b < c, a <= b <= c, a < b > c, a == b == c, a != b != c)

# run: nan_compare()
# expect: (False, True, False, False, False, False, nan, 1.0, nan)
def nan_compare():
    n = math.nan
    return (n == n, n != n, n < 1.0, n > 1.0, n <= n, 1.0 >= n, max(n, 1.0), max(1.0, n), min(n, 2.0))

# run: mixed_compare()
# expect: (True, True, True, False, True, True)
def mixed_compare():
    return (1 == 1.0, 2 > 1.5, True == 1, 0.1 + 0.2 == 0.3, 1j == 1j, (1 + 0j) == 1)

counter = 0

def side(x, log):
    return x

# run: short_circuit(0, 5)
# expect: (0, 5, 0, 0.5, 0, True, False)
# run: short_circuit(3, 5)
# expect: (5, 3, 3, 0.5, 2, False, False)
def short_circuit(a, b):
    return (a and b, a or b, b and a, 0 or 0.5, a and 2, not a, not b)

def bump(arr, v):
    arr[0] += 1
    return v

# run: short_circuit_effects(0)
# expect: (0, 2, 1)
# run: short_circuit_effects(1)
# expect: (1, 1, 1)
def short_circuit_effects(x):
    calls = np_zeros1()
    r1 = x and bump(calls, 1)
    r2 = x or bump(calls, 2)
    return (r1, r2, calls[0])

def np_zeros1():
    import numpy as np
    return np.zeros(1, dtype=np.int64)

# run: truthiness(0.0, 3)
# expect: 10
# run: truthiness(-0.5, 0)
# expect: 1
def truthiness(f, i):
    r = 0
    if f:
        r += 1
    if i:
        r += 10
    if not f and not i:
        r += 100
    return r

# run: ternary(5)
# expect: (5, 1.0)
# cpython: skip (the branches unify to float64: CPython gives 1, kiln 1.0)
# run: ternary_mixed(5)
# expect: 1.0
# run: ternary(-5)
# expect: (5, 2.5)
def ternary(x):
    return (x if x > 0 else -x, 1.0 if x > 0 else 2.5)

def ternary_mixed(x):
    return 1 if x > 0 else 2.5

# run: is_none()
# expect: (True, False, True)
def is_none():
    a = None
    return (a is None, a is not None, None == None)

# run: complex_eq(1.0, 2.0)
# expect: (True, True)
def complex_eq(a, b):
    z = complex(a, b)
    return (z == complex(1, 2), z != 1j)
