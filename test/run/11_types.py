# Sections 3-4: types, promotion and unification at merges
import numpy as np

# run: promote_branch(True)
# expect: 1.5
# cpython: skip (kiln unifies x to float64 at the merge: prints 2.0 where CPython keeps the int)
# run: promote_branch(False)
# expect: 2.0
def promote_branch(c):
    x = 2
    if c:
        x = 1.5
    return x

# run: nep50(np.float32(1.5))
# expect: (3.0, 3.0, (1.5+1j), 3.0)
def nep50(x):
    return (x * 2, x * 2.0, x + 1j, x * np.float64(2))

# run: int_float_arrays(np.array([1, 2], dtype=np.int32), np.array([0.5], dtype=np.float32))
# expect: (1.5, 4, 0.5)
def int_float_arrays(i, f):
    return (i[0] + f[0], i[1] * 2, i[0] / i[1])

# run: small_ints(np.int16(300), np.uint8(7))
# expect: (307, 2100, 42, 6)
def small_ints(a, b):
    return (a + b, a * b, a // b, a % b)

# run: uint_int(np.uint64(5), np.int64(-3))
# expect: 2.0
def uint_int(a, b):
    return a + b

# run: bool_arith(True, False)
# expect: (1, 3, -1, 1)
def bool_arith(a, b):
    return (a + b, a * 3, -a, a - b)

# run: tuple_ops()
# expect: ((1, 2, 3.5), 3, 3.5, 6.5)
def tuple_ops():
    t = (1, 2) + (3.5,)
    a, b, c = t
    return (t, len(t), t[-1], a + b + c)

# run: complex_promote(2)
# expect: ((-2+0j), 0.0)
def complex_promote(n):
    z = 1j
    for i in range(n):
        z = z * (1 + 1j)
    return (z, z.real + n)

# run: dtype_compare(3)
# expect: (1.0, True, False, False, True, False, True)
def dtype_compare(n):
    x = np.zeros(n, dtype=np.float32)
    y = np.zeros(n)
    z = np.arange(n)
    s = 0.0
    if x.dtype == np.float32:
        s += 1.0
    if y.dtype != np.float64:
        s += 10.0
    return s, x.dtype == np.float32, x.dtype != np.float32, y.dtype == np.float32, z.dtype == np.int64, x.dtype == y.dtype, np.float32 == np.float32
