# x ** 2 and x ** 3 on floats are libm's pow in CPython (and in NumPy for float64 scalars, and for arrays cubed),
# which differs from the correctly rounded products for about 0.065% (squares) and 0.08% (cubes) of doubles. Every
# tier takes the product where the exact power is far enough from a rounding boundary that pow must agree (tier 2:
# back/llvm/llvm.c power_as_pow; the others: rt/arith.c libm_pow) and calls pow elsewhere: the counts of differences
# and the checksums below are CPython's and NumPy's.
import numpy as np

# run: count(300000)
# expect: 419
def count(n):
    d = 0
    for i in range(n):
        x = (i * 0.6180339887498949) % 1.0 * 10.0 - 5.0
        y = x ** 2
        if y != x * x:
            d += 1
    return d

# run: count_np(100000)
# expect: 85
def count_np(n):
    d = 0
    for i in range(n):
        x = np.float64((i * 0.7548776662466927) % 1.0 * 3.0 + 0.001)
        y = x ** 2.0
        if y != x * x:
            d += 1
    return d

# run: wide(2000)
# expect: (0, 3967)
def wide(n):
    # magnitudes from 2^-540 to 2^540: the squares near the range's ends (subnormal, past the largest double) take pow;
    # Python's rules raise for those past it, so the loop stops short of them
    d = 0
    k = 0
    for i in range(-n, n):
        x = 1.2345678901234567 * 2.0 ** (i * 0.26)
        if abs(x) > 1e154:
            break
        y = x ** 2
        if y != x * x and abs(x) > 1e-150:
            d += 1
        k += 1
    return (d, k)

# run: special()
# expect: (4.0, 0.25, 1.0, 2.0000000000000004, 0.0, 0.0, 5e-324, 9.999999999999999e+299)
def special():
    return ((-2.0) ** 2, 0.5 ** 2, (-1.0) ** 2, 1.4142135623730951 ** 2, 0.0 ** 2, (-0.0) ** 2, 2.2250738585072014e-162 ** 2 * 0.0 + 5e-324,
            1e150 ** 2)

# run: overflow(1e155)
# expect-error: line 56: OverflowError: (34, 'Numerical result out of range')
def overflow(x):
    return x ** 2

# a checksum of the cubes' bits (a double y times 2^72 is an integer for |y| >= 2^-20; one ULP more or less moves
# its remainder), and how many differ from x * x * x (rounded twice: a quarter of them)
# run: cubes(300000)
# expect: (78094, 150193059188.74994)
def cubes(n):
    d = 0
    c = 0.0
    for i in range(n):
        x = (i * 0.6180339887498949) % 1.0 * 10.0 - 5.0
        y = x ** 3
        if y != x * x * x:
            d += 1
        c += (y * 2.0 ** 72) % 1000003.0
    return (d, c)

# run: cubes_array(200000)
# expect: (51660, 0, 100269795316.11272)
def cubes_array(n):
    a = (np.arange(n) * 0.7548776662466927) % 1.0 * 6.0 - 3.0
    c = a ** 3
    s = a ** 2
    return (int((c != a * a * a).sum()), int((s != a * a).sum()), float(((c * 2.0 ** 72) % 1000003.0).sum()))
