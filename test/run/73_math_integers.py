# math's integer functions (lower/mathint.c: Python definitions inlined at the call): isqrt, gcd, lcm, factorial,
# comb, perm, with CPython's answers and messages; an answer beyond kiln's 64-bit ints raises OverflowError.
import math
from math import comb, gcd

# run: values(5)
# expect: ([0, 1, 1, 1, 2, 3, 4, 4, 9, 10, 2147483648, 3037000499, 1000000000, 999999999], 6, 0, 4, 0, 2, 12, 1, 0, 60, 1, 2432902008176640000, 465428353255261088, 120, 0, 1, 20, 120, 2432902008176640000, 0, 120, 1)
def values(n):
    out = []
    for x in [0, 1, 2, 3, 4, 15, 16, 17, 99, 100, 2**62, 2**63 - 1, 10**18, 999999999999999999]:
        out.append(math.isqrt(x))
    return (out, gcd(12, 18), gcd(), gcd(-4), gcd(0, 0), math.gcd(12, -18, 8), math.lcm(4, 6), math.lcm(), math.lcm(0, 5),
            math.lcm(3, 4, 10), math.factorial(0), math.factorial(20), comb(62, 31), comb(10, 3), comb(3, 5), comb(n, 0),
            math.perm(5, 2), math.perm(5), math.perm(20, 20), math.perm(3, 4), math.perm(n, None), math.isqrt(True))

# run: pascal(12)
# expect: ([1, 11, 55, 165, 330, 462, 462, 330, 165, 55, 11, 1], 0, 20584)
def pascal(n):
    rows = []
    for i in range(n):
        rows.append([comb(i, j) for j in range(i + 1)])
    total = 0
    for a in range(1, n):
        for b in range(1, n):
            total += gcd(a, b) * math.lcm(a, b) - a * b
    return rows[-1], total, sum(math.isqrt(k) for k in range(1000))

# cpython: skip (kiln's ints are 64-bit: CPython answers 51090942171709440000)
# run: big_factorial(21)
# expect-error: line 32: OverflowError: factorial() of more than 20 does not fit kiln's 64-bit int
def big_factorial(n):
    return math.factorial(n)

# run: negative_factorial(-1)
# expect-error: line 37: ValueError: factorial() not defined for negative values
def negative_factorial(n):
    return math.factorial(n)

# cpython: skip (kiln's ints are 64-bit: CPython answers 112186277816662845432)
# run: big_comb(70)
# expect-error: line 43: OverflowError: comb() result does not fit kiln's 64-bit int
def big_comb(n):
    return comb(n, 35)

# run: negative_isqrt(1)
# expect-error: line 48: ValueError: isqrt() argument must be nonnegative
def negative_isqrt(n):
    return math.isqrt(-n)

# run: negative_comb(3)
# expect-error: line 53: ValueError: k must be a non-negative integer
def negative_comb(n):
    return comb(n, -1)
