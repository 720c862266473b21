# Section 7: bitwise operators
import numpy as np

# run: bits(12, 10)
# expect: (8, 14, 6, 48, 6, -13, 6)
# run: bits(-12, 3)
# expect: (0, -9, -9, -48, -6, 11, -1)
def bits(a, b):
    return (a & b, a | b, a ^ b, a << 2, a >> 1, ~a, a >> 70 if a < 0 else a >> 1)

# run: shifts(1, 62)
# expect: (4611686018427387904, 0)
# run: shifts(-8, 2)
# expect: (-32, -2)
def shifts(a, n):
    return (a << n, a >> n)

# run: neg_shift(1, -1)
# expect-error: line 21: ValueError: negative shift count
def neg_shift(a, n):
    return a << n

# run: bool_bits(True, False)
# expect: (False, True, True, True)
def bool_bits(a, b):
    return (a & b, a | b, a ^ b, a & True)

# run: augbits(6)
# expect: (2, 13, 5, 16, 32)
def augbits(x):
    x &= 3
    y = 5
    y |= 8
    z = 7
    z ^= 2
    w = 1
    w <<= 4
    v = 256
    v >>= 3
    return (x, y, z, w, v)

# run: narrow(np.uint8(200), np.uint8(100))
# expect: (44, 100, 64, 236)
def narrow(a, b):
    return (a + b, a - b, a & b, a | b)

# run: narrow_signed(np.int8(100), np.int8(100))
# expect: (-56, 16, -100)
def narrow_signed(a, b):
    return (a + b, a * b, -a)
