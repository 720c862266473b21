# The builtins divmod, pow, bin, oct and hex (lower/pyarith.c): divmod(a, b) is (a // b, a % b) with CPython's float divmod bits
# and its message for a Python float's zero divisor, NumPy's pairs for its scalars and arrays; pow(a, b) is a ** b
# (a literal negative exponent of an int gives a float); pow(b, e, m) on ints, the negative exponent through the
# inverse, the result with m's sign, moduli up to 2^63 without overflow. Each argument is computed once (so are
# math.gcd's and its kin's, which once computed an argument a second time to look at its type).
import math
import numpy as np

def noisy(v, log):
    log.append(v)
    return v

# run: ints(9)
# expect: [(3, 1), (-4, 1), (-4, -1), (3, -1), (0, 1), (7, 0), (2, 1), (-3, 0)]
def ints(x):
    return [divmod(7, 2), divmod(-7, 2), divmod(7, -2), divmod(-7, -2), divmod(True, 2), divmod(7, True),
            divmod(x, 4), divmod(-x, 3)]

# run: floats(7.5)
# expect: [(-4.0, 0.5), (-4.0, -0.5), (-0.0, 0.0), (-1.0, 1.0), (inf, 3.498445546245627e-309), (3.0, 1.5), (-1.0, 0.09999999999999998), (nan, nan)]
def floats(x):
    return [divmod(-7.5, 2), divmod(x, -2.0), divmod(-0.0, 1.0), divmod(-1e-300, 1.0), divmod(1e308, 1e-308),
            divmod(x, 2), divmod(-0.9, 1.0), divmod(x, math.nan)]

# run: numpy_pairs(7.5)
# expect: (3.0, 1.5, -4, 1, 3.0, 1.5, [2, -3, 2], [1, 2, 2], [3.0, -4.0], [1.5, 0.5])
def numpy_pairs(x):
    q, r = divmod(np.float64(x), 2)
    iq, ir = divmod(np.int64(-7), np.int64(2))
    fq, fr = divmod(np.float32(x), np.float32(2))
    aq, ar = divmod(np.array([7, -7, 8]), 3)
    bq, br = divmod(np.array([x, -x]), 2.0)
    return q, r, iq, ir, fq, fr, aq, ar, bq, br

# run: once(10)
# expect: ((3, 1), 2, 8, 2, 5, [10, 3, 10, 4, 2, 2, 3, 10, 15])
def once(x):
    log = []
    a = divmod(noisy(x, log), noisy(3, log))
    b = pow(noisy(x, log), noisy(4, log), noisy(2, log) + 1) + 1
    c = pow(noisy(2, log), noisy(3, log))
    d = math.gcd(noisy(x, log), 4)
    e = math.lcm(noisy(15, log), 5) // 3
    return a, d, c, b, e, log

# run: powers(3)
# expect: (1024, 0.5, 1.4142135623730951, 9, 0.1111111111111111, 8.0, [0.0, 1.0, 4.0], 8, 27.0)
def powers(x):
    return (pow(2, 10), pow(2, -1), pow(2.0, 0.5), pow(x, 2), pow(x, -2), pow(np.float64(2.0), 3),
            pow(np.arange(3.0), 2), pow(2, np.int64(3)), pow(x, 3.0))

# run: modular(3)
# expect: (3, 2, -2, 4, -3, 0, 0, 1, 0, 1, 1, 7)
def modular(x):
    return (pow(2, 3, 5), pow(-2, 3, 5), pow(2, 3, -5), pow(x, -2, 7), pow(x, -2, -7), pow(5, 0, 1), pow(5, 0, -1),
            pow(0, 0, 7), pow(7, 1, 7), pow(True, 5, x), pow(base=x, exp=4, mod=5), pow(x, 3, 10))

# run: big_moduli(123456789)
# expect: (652541198, 8545256852413940831, 951175, 6348555216811415212, 9223372036854775563, 3032297332244578476, 1)
def big_moduli(x):
    m = 9223372036854775783
    return (pow(x, 987654321, 1000000007), pow(987654321987, 123456789123, m),
            pow(2, -9223372036854775807 - 1, 1000003), pow(3, 9223372036854775807, 9223372036854775807),
            pow(-3, 5, 9223372036854775806), pow(12345678901234, -1, m),
            pow(pow(x, -1, m), -1, m) // x)

# run: zero_float(1.0)
# expect-error: line 70: ZeroDivisionError: float divmod()
def zero_float(x):
    return divmod(x, 0)

# run: zero_int(1)
# expect-error: line 75: ZeroDivisionError: integer division or modulo by zero
def zero_int(x):
    return divmod(x, 0)

# run: zero_mod(2)
# expect-error: line 80: ValueError: pow() 3rd argument cannot be 0
def zero_mod(x):
    return pow(x, 3, x - 2)

# run: not_invertible(6)
# expect-error: line 85: ValueError: base is not invertible for the given modulus
def not_invertible(x):
    return pow(x, -1, 9)

# run: caught(0)
# expect: (['', 'float divmod()', 'integer division or modulo by zero', 'base is not invertible for the given modulus'], (0.0, 0.0))
def caught(x):
    out = ['']
    try:
        divmod(1.5, x)
    except ZeroDivisionError as e:
        out.append(str(e))
    try:
        divmod(1, x)
    except ZeroDivisionError as e:
        out.append(str(e))
    try:
        pow(4, -1, 8 + x)
    except ValueError as e:
        out.append(str(e))
    return out, divmod(0.0, 5.0)

# run: radix(255)
# expect: ('0b11111111', '0o377', '0xff', '-0b11111111', '-0x8000000000000000', '0b1', '0xff', '0o0', '0xc8', '0b111111110xff')
def radix(n):
    return (bin(n), oct(n), hex(n), bin(-n), hex(-9223372036854775807 - 1), bin(True), hex(np.int64(255)), oct(0),
            hex(np.uint8(200)), bin(n) + hex(n))
