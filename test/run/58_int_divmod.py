# Integer // and % round toward -inf (Python), in every tier: signs, -1,
# INT64_MIN // -1 (wraps, as NumPy's int64 does), small and unsigned types.
import numpy as np

# run: table()
# expect: (-4, 2, 3, -3, -4, -2, 3, 2, 0, -7, 7, 0)
def table():
    return (-7 // 2, -7 % 3, 7 // 2, 7 // -3, -7 % -3 - 3, -7 // 4 - 0, 7 % 4, -7 % 3 + 0,
            -7 % -1, -7 // 1, -7 // -1, 7 % 1)

# run: loop(-50, 50)
# expect: (-102, 3468)
def loop(lo, hi):
    q = 0
    m = 0
    for a in range(lo, hi):
        for b in (-7, -3, -1, 2, 5):
            q += a // b
            m += a % b * b
    return q, m

# cpython: skip (Python ints are unbounded; kiln's int64 wraps as NumPy's does)
# run: edge(-9223372036854775808)
# expect: (-9223372036854775808, 0)
def edge(a):
    d = -1
    return a // d, a % d

# run: small(np.int8(-128), np.int8(-1))
# expect: (-128, 0)
def small(a, b):
    return a // b, a % b

# run: unsigned(np.uint64(10))
# expect: (1844674407370955161, 5)
def unsigned(b):
    a = np.uint64(0) - np.uint64(1)  # 2**64 - 1: above int64's range
    return a // b, a % b

# run: lcg(5)
# expect: 908095735
def lcg(n):
    s = 42
    for i in range(n):
        s = (s * 1103515245 + 12345) % 2147483648
    return s

# run: zero(5, 0)
# expect-error: line 51: ZeroDivisionError: integer modulo by zero
def zero(a, b):
    return a % b

# run: exact(6, -3)
# expect: (-2, 0, -6, 0, 2, 0)
def exact(a, b):
    return a // b, a % b, -a // -b - 4, -a % b, a // (b + 6) - 0, (a - 6) % b
