# Section 5: arithmetic with Python semantics
import numpy as np

# run: floordiv(7, 2)
# expect: 3
# run: floordiv(-7, 2)
# expect: -4
# run: floordiv(7, -2)
# expect: -4
# run: floordiv(-7, -2)
# expect: 3
# run: floordiv(7.5, 2)
# expect: 3.0
# run: floordiv(-7.5, 2)
# expect: -4.0
# run: floordiv(7.5, -2.0)
# expect: -4.0
# run: floordiv(-0.0, 5.0)
# expect: -0.0
def floordiv(a, b):
    return a // b

# run: mod(7, 3)
# expect: 1
# run: mod(-7, 3)
# expect: 2
# run: mod(7, -3)
# expect: -2
# run: mod(-7, -3)
# expect: -1
# run: mod(5.5, 2)
# expect: 1.5
# run: mod(-5.5, 2)
# expect: 0.5
# run: mod(5.5, -2)
# expect: -0.5
# run: mod(-0.0, 1.0)
# expect: 0.0
# run: mod(0.0, -1.0)
# expect: -0.0
# run: mod(1e-300, 1e300)
# expect: 1e-300
def mod(a, b):
    return a % b

# run: truediv(7, 2)
# expect: 3.5
# run: truediv(1, 3)
# expect: 0.3333333333333333
# run: truediv(-7, 2.0)
# expect: -3.5
# run: truediv(True, 2)
# expect: 0.5
def truediv(a, b):
    return a / b

# run: power(2, 10)
# expect: 1024
# run: power(2.0, 0.5)
# expect: 1.4142135623730951
# run: power(-2, 3)
# expect: -8
# run: power(2.5, 2)
# expect: 6.25
# run: power(0.0, 0.0)
# expect: 1.0
# run: power(10.0, -2)
# expect: 0.01
def power(a, b):
    return a ** b

# run: neg_literal_power(2)
# expect: 0.25
def neg_literal_power(a):
    return a ** -2

# run: unary(5)
# expect: (-5, 5, 5)
# run: unary(-2.5)
# expect: (2.5, -2.5, -2.5)
def unary(x):
    return (-x, +x, -(-x))

# run: invert(5)
# expect: -6
# run: invert(-1)
# expect: 0
def invert(x):
    return ~x

# run: mixed()
# expect: (3.0, 3, 2, 1.5, 3.0, (1+1j), (6-2j))
def mixed():
    return (1 + 2.0, 3 * True, True + True, 2 - 0.5, 7 // 2.0, 1 + 1j, 2 * (3 - 1j))

# run: precedence()
# expect: (-4, 4, 512, 5.0, 2, -8, 8)
def precedence():
    return (-2 ** 2, (-2) ** 2, 2 ** 3 ** 2, 1 + 2 * 3 - 4 / 2, 2 * 3 % 4, -7 // 2 * 2, 1 << 2 + 1)

# run: augmented(10)
# expect: (48, 9, 6, 32, 0.25)
def augmented(x):
    x += 5
    x -= 3
    x *= 4
    y = x
    y //= 5
    z = x
    z %= 7
    w = 2
    w **= 5
    f = 1.0
    f /= 4
    return (x, y, z, w, f)

# cpython: skip (Python ints are unbounded; kiln's int is int64 and wraps)
# run: overflow(9223372036854775807)
# expect: -9223372036854775808
def overflow(x):
    return x + 1

# run: wraparound()
# expect: 9223372036854775807
def wraparound():
    return 2 ** 62 + (2 ** 62 - 1)

# cpython: skip (wraps in int64)
# run: mul_wrap(3037000500)
# expect: -9223372036709301616
def mul_wrap(x):
    return x * x

# cpython: skip (wraps in int64)
# run: intmin_div()
# expect: (-9223372036854775808, 0)
def intmin_div():
    x = -9223372036854775807 - 1
    return x // -1, x % -1
