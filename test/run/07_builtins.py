# Section 10: builtins
import numpy as np

# run: absolutes(-3, -2.5)
# expect: (3, 2.5, 5.0, 0.0, 1)
def absolutes(i, f):
    return (abs(i), abs(f), abs(3 + 4j), abs(-0.0), abs(True))

# run: minmax(3.0, 7.5)
# expect: (3.0, 7.5, 0, 9, 5, 2.0)
# cpython: skip (min of an int and a float is a float64 in kiln; CPython returns the int object)
# run: minmax_mixed(3, 7.5)
# expect: 3.0
def minmax(a, b):
    return (min(a, b), max(a, b), min(1, 2, 0), max(4, 9, 2), max((1, 5, 3)), min(2.0, 3.5))

def minmax_mixed(a, b):
    return min(a, b)

# run: conversions(3.99, -3.99)
# expect: (3, -3, 7.0, 1, False, True, (1+2j), (3+0j), 42, 3.0)
def conversions(a, b):
    return (int(a), int(b), float(7), int(True), bool(0.0), bool(-2), complex(1, 2), complex(3), int('42'), float(3))

# run: rounding()
# expect: (2, 4, -2, 0, 2.67, 1200.0, 10, 20, 20, 0)
def rounding():
    return (round(2.5), round(3.5), round(-2.5), round(0.5), round(2.675, 2), round(1234.5678, -2), round(7, -1), round(15, -1), round(25, -1), round(-0.4))

# run: round_nd(1.005, 2)
# expect: 1.0
# run: round_nd(123.456, -1)
# expect: 120.0
# run: round_nd(0.125, 2)
# expect: 0.12
def round_nd(x, n):
    return round(x, n)

# run: lengths([1.0, 2.0, 3.0])
# expect: (3, 4)
def lengths(a):
    t = (1, 2, 3, 4)
    return (len(a), len(t))

# run: complex_parts(3.0, -4.0)
# expect: (3.0, -4.0, (3+4j), 2.5, 0, 5.0)
def complex_parts(re, im):
    z = complex(re, im)
    return (z.real, z.imag, z.conjugate(), (2.5).real, (7).imag, abs(z))

# run: np_scalars(2.5)
# expect: (2.5, 7, -3, 250, 3.5, True)
def np_scalars(x):
    a = np.float32(x)
    b = np.int32(7)
    c = np.int8(-3)
    d = np.uint8(250)
    return (a, b, c, d, np.float64(b) / 2, np.bool_(x))

# cpython: skip (kiln's int is int64: a float beyond its range raises OverflowError)
# run: int_of_float(1e300)
# expect-error: line 64: OverflowError: float too large to convert to int64
def int_of_float(x):
    return int(x)

# run: int_of_float(float('nan'))
# expect-error: line 64: ValueError: cannot convert float NaN to integer

# run: int_of_float(float('inf'))
# expect-error: line 64: OverflowError: cannot convert float infinity to integer
