# NEP 50 (NumPy 2): a Python int meeting a NumPy integer adopts its dtype only if it fits —
# u8 + 300, u8[0] = 300, np.maximum(u8, -1), np.uint8(300) raise OverflowError; comparisons
# compare the true values (u8 < 300 is True); np.clip drops a bound beyond the dtype's own side
import numpy as np

# run: compare_const(np.array([1, 2, 255], dtype=np.uint8))
# expect: ([True, True, True], [False, False, False], [True, True, True], [True, True, True], [True, True, True], [True, True, True], True, False)
def compare_const(a):
    return (a < 300, a == -1, a > -5, a != 256, 300 > a, -1 <= a, a[2] < 256, a[0] == -255)

# run: compare_var(np.array([1, 2, 255], dtype=np.uint8), 300)
# expect: ([True, True, True], [False, False, False], [True, True, True], True, True, [False, False, True])
def compare_var(a, n):
    return (a < n, a == n, n >= a, a[0] < n, a[0] != n, a >= n - 45)

# run: compare_var(np.array([1, 2, 255], dtype=np.uint8), -1)
# expect: ([False, False, False], [False, False, False], [False, False, False], False, True, [True, True, True])
def compare_var2(a, n):
    return compare_var(a, n)

# run: compare_var(np.array([-128, 0, 127], dtype=np.int8), 128)
# expect: ([True, True, True], [False, False, False], [True, True, True], True, True, [False, False, True])
def compare_var3(a, n):
    return compare_var(a, n)

# run: compare_u64(np.array([0, 5, 9223372036854775807], dtype=np.uint64), -1)
# expect: ([True, True, True], [False, False, False], [False, False, False], [True, True, True], True, [True, False, False], [False, False, False])
def compare_u64(a, n):
    return (a > n, a == n, a <= n, n < a, a[1] != n, a < 3, a == -7)

# run: add_const(np.array([1, 2, 255], dtype=np.uint8))
# expect-error: line 34: OverflowError: Python integer 300 out of bounds for uint8
def add_const(a):
    return a + 300

# run: add_var(np.array([1, 2, 255], dtype=np.uint8), 300)
# expect-error: line 39: OverflowError: Python integer 300 out of bounds for uint8
def add_var(a, n):
    return a * 2 + n

# run: add_var(np.array([1, 2, 255], dtype=np.uint8), 255)
# expect: [1, 3, 253]
def add_var_fits(a, n):
    return add_var(a, n)

# run: add_var(np.array([5, 6], dtype=np.uint64), -1)
# expect-error: line 39: OverflowError: Python integer -1 out of bounds for uint64
def add_u64(a, n):
    return add_var(a, n)

# run: empty_add(-1)
# expect-error: line 55: OverflowError: Python integer 40000 out of bounds for int16
def empty_add(n):
    a = np.zeros(0, dtype=np.int16)
    return a - 40000 + n

# run: scalar_ops(np.array([7, 8], dtype=np.int8), 200)
# expect-error: line 63: OverflowError: Python integer 128 out of bounds for int8
def scalar_ops(a, n):
    x = a[0]
    s = 0
    for i in range(n):
        s += x * i
    return s

# run: floordiv(np.array([7, 8], dtype=np.uint16), -1)
# expect-error: line 69: OverflowError: Python integer -1 out of bounds for uint16
def floordiv(a, n):
    return a // n

# run: shifts(np.array([1, 2], dtype=np.int32), 3000000000)
# expect-error: line 74: OverflowError: Python integer 3000000000 out of bounds for int32
def shifts(a, n):
    return a << n

# run: true_divide(np.array([1, 2, 255], dtype=np.uint8), 300)
# expect: ([0.0033333333333333335, 0.006666666666666667, 0.85], 0.85, [-1.0, -2.0, -255.0])
def true_divide(a, n):
    return (a / n, a[2] / n, a / -1)

# run: store(np.array([1, 2, 255], dtype=np.uint8), -1)
# expect-error: line 84: OverflowError: Python integer -1 out of bounds for uint8
def store(a, n):
    a[0] = n
    return a

# run: store_slice(np.array([1, 2, 255], dtype=np.uint8), 256)
# expect-error: line 90: OverflowError: Python integer 256 out of bounds for uint8
def store_slice(a, n):
    a[1:] = n
    return a

# run: store_mask(np.array([1, 2, 255], dtype=np.uint8), 300)
# expect-error: line 96: OverflowError: Python integer 300 out of bounds for uint8
def store_mask(a, n):
    a[a > 1] = n
    return a

# run: store_index(np.array([1, 2, 127], dtype=np.int8), np.array([0, 2]), -129)
# expect-error: line 102: OverflowError: Python integer -129 out of bounds for int8
def store_index(a, idx, n):
    a[idx] = n
    return a

# run: stores_fit(np.array([1, 2, 255], dtype=np.uint8), 9)
# expect: ([9, 2, 255], [9, 10, 10], [0, 2, 0], [18, 11, 8])
def stores_fit(a, n):
    a[0] = n
    b = a.copy()
    b[1:] = n + 1
    c = a.copy()
    c[c > 8] = n - 9
    d = a.copy()
    d += n
    return (a, b, c, d)

# run: inplace(np.array([1, 2, 255], dtype=np.uint8), 300)
# expect-error: line 120: OverflowError: Python integer 300 out of bounds for uint8
def inplace(a, n):
    a += n
    return a

# run: maxmin(np.array([1, 2, 255], dtype=np.uint8), -1)
# expect-error: line 126: OverflowError: Python integer -1 out of bounds for uint8
def maxmin(a, n):
    return np.maximum(a, n)

# run: maxmin2(np.array([1, 2, 255], dtype=np.uint8), 7)
# expect: ([7, 7, 255], [1, 2, 3], [8, 9, 6], 7)
def maxmin2(a, n):
    return (np.maximum(a, n), np.minimum(a, 3), np.add(a, n), np.maximum(a[0], n))

# run: clips(np.array([1, 2, 255], dtype=np.uint8), -1, 3)
# expect: ([1, 2, 3], [1, 2, 255], [1, 2, 255], [2, 2, 3])
def clips(a, lo, hi):
    return (np.clip(a, lo, hi), np.clip(a, -5, 1000), np.clip(a, lo, 300), np.clip(a, 2, hi))

# run: clips(np.array([1, 2, 255], dtype=np.uint8), 300, 400)
# expect-error: line 136: OverflowError: Python integer 300 out of bounds for uint8
def clip_lo_above(a, lo, hi):
    return clips(a, lo, hi)

# run: clip_hi_below(np.array([1, 2, 255], dtype=np.uint8))
# expect-error: line 146: OverflowError: Python integer -1 out of bounds for uint8
def clip_hi_below(a):
    return np.clip(a, -5, -1)

# run: ctor(300)
# expect-error: line 151: OverflowError: Python integer 300 out of bounds for uint8
def ctor(n):
    return np.uint8(n)

# run: ctor_float(-1.0)
# expect-error: line 156: OverflowError: Python integer -1 out of bounds for uint8
def ctor_float(x):
    return np.uint8(x)

# run: ctors(3.7, 200)
# expect: (3, 200, 200, -56)
def ctors(x, n):
    return (np.uint8(x), np.int16(n), np.uint8(n), np.int8(np.int64(n)))

# run: full(-3)
# expect-error: line 166: OverflowError: Python integer -3 out of bounds for uint32
def full(n):
    return np.full(2, n, dtype=np.uint32)

# run: fill(70000)
# expect-error: line 172: OverflowError: Python integer 70000 out of bounds for int16
def fill(n):
    a = np.zeros(3, dtype=np.int16)
    a.fill(n)
    return a

# the float functions' loop: the first one every operand converts to safely
# run: float_loops(np.array([2, 3], dtype=np.int16), np.array([1, 5], dtype=np.uint16), np.array([4, 9], dtype=np.int32))
# expect: ([1.4142135381698608, 1.7320507764816284], [2.2360680103302, 5.830951690673828], [-1.0, -5.0], [2.0, 3.0], [2.8284270763397217, 3.605551242828369], [3.2015621187164243, 3.905124837953327], 1.0)
def float_loops(h, u, q):
    return (np.sqrt(h), np.hypot(h, u), np.copysign(u, -h), np.sqrt(q), np.hypot(h, 2), np.hypot(h, 2.5), np.sqrt(u[0]))

# NumPy's integer fmod is C's remainder (the dividend's sign); bools square in int8
# run: fmods(np.array([-7, 7, -128, 0, 5], dtype=np.int8), np.array([3, -3, -1, 0, -2], dtype=np.int8))
# expect: ([-1, 1, 0, 0, 1], [-1, 1, -2, 0, 2], [-1, -1, 0, 0, -1], -1, 0, 127, [-2.0, 2.0, -0.5, 0.0, 0.0], [0, 1, 0, 0, 1], 1)
def fmods(a, b):
    return (np.fmod(a, b), np.fmod(a, 3), np.fmod(-7, b), np.fmod(a[0], b[1]), np.fmod(True, True), np.fmod(255, -128), np.fmod(a, 2.5), np.square(a > 0), np.square(True))

# run: fmod_oob(np.array([1, 2], dtype=np.uint8))
# expect-error: line 190: OverflowError: Python integer 70000 out of bounds for uint8
def fmod_oob(a):
    return np.fmod(a, 70000)

# np.clip: a dropped bound (beyond an integer a's own range) clips nothing, even in a wider result type;
# with scalar bounds a value equal to a bound is kept (-0.0 stays -0.0), with array bounds the bound is taken
# run: clip_rules(np.array([-100, 5, 127], dtype=np.int8), np.array([200, 0, 3], dtype=np.uint8), np.array([-0.0, 0.0, 0.5, nan]))
# expect: ([200, 5, 127], [-100, 0, 3], 7, [-0.0, 0.0, 0.5, nan], [-0.0, 0.0, 0.0, nan], [0.0, 0.0, 0.5, nan])
def clip_rules(s, u, f):
    z = np.zeros(4)
    # bounds -0.0 and 0.0 read at run time: LLVM 14 folds a select against a constant signed zero as if
    # the zeros' signs did not matter (docs/language.md)
    return (np.clip(s, u, 70000), np.clip(s, -70000, u), np.clip(True, 7, 300), np.clip(f, 0.0, 1.0), np.clip(f, f[0], f[1]),
            np.clip(f, z, z + 1.0))

# NumPy scalars shift as NumPy's arrays do: a negative or too large count gives 0 (or -1), no error
# run: scalar_shifts(np.array([-8, 3], dtype=np.int8), -2)
# expect: (-1, 0, -128, -1, -1, 0, 8, 0, 70007)
def scalar_shifts(a, n):
    x = a[0]
    return (x >> -1, x << 70, np.int8(1) << 7, np.int64(-8) >> 70, x >> n, 7 >> np.floor(-1), 1 << 3, a[1] << n, np.abs(-7) ^ 70000)

# np.clip promotes the NumPy operands first; the Python int then adopts int8 and must fit it
# run: clip_promote(np.array([True, False]), np.array([1, 2], dtype=np.int8))
# expect-error: line 214: OverflowError: Python integer 70000 out of bounds for int8
def clip_promote(b, s):
    return np.clip(b, 70000, s)

# builtin max/min compare true values: a Python int beside a NumPy integer is not wrapped into its dtype
# run: builtin_minmax(np.array([7, 2], dtype=np.uint8), 300)
# expect: (300, -1, 7, 2, 300, -300)
def builtin_minmax(a, n):
    x = a[0]
    return (max(x, 300), min(x, -1), max(x, 3), min(a[1], x), max(x, n), min(x, -n))

# np.floor/ceil/trunc keep integers and bools (NumPy 2); a Python int becomes np.int64
# run: roundings_keep(np.array([True, False]), np.array([3, -2], dtype=np.int16))
# expect: ([True, False], [True, False], [True, False], True, [3, -2], 3, True, -2)
def roundings_keep(b, h):
    return (np.floor(b), np.ceil(b), np.trunc(b), np.floor(True), np.floor(h), np.ceil(3), np.floor(b[0]), np.trunc(h[1]))

# an element of a comparison is a NumPy bool, not a Python one: (s > 0) | 70000 is an int64 array, and
# g_uint16 | that is int64 (kiln once let the Python-int rules adopt it into uint16)
# run: compare_elements_strong(np.array([5, 7], dtype=np.uint16), np.array([1, -2], dtype=np.int8))
# expect: ([70005, 70007], [301, 300], [5, 70000])
def compare_elements_strong(g, s):
    return (g | ((s > 0) | 70000), (s > 0) + 300, np.where(s > 0, g, 0) | ((g > 6) * 70000))

# a comparison involving a NumPy scalar is a NumPy bool: + is or, * is and, // % ** compute in int8,
# abs() keeps it; Python numbers compared stay Python bools (2 from True + True)
# run: numpy_bools(np.array([1.0, 2.0]))
# expect: (True, True, 2, 1, 2, 2, True, True, True, True, True, 2.5, 1.0, 1, 0, 2, 0)
def numpy_bools(a):
    x = a[0] < 3
    y = a[1] < 3
    return (x + y, x * y, x + 1, x // y, x << 1, 1 + x, x & y, x | True, x + True, True + x, abs(x), x * 2.5, x / y, x ** y,
            x % y, (3 > 2) + (1 > 0), ((np.invert(np.negative(255)) <= np.clip((0 == True), 7, 2.5)) << -1))

# a NumPy integer to a negative literal power raises as NumPy does; a Python int's gives a float
# run: numpy_int_negative_power(np.array([3], dtype=np.int64))
# expect-error: line 251: ValueError: Integers to negative integer powers are not allowed.
def numpy_int_negative_power(a):
    y = 2 ** -1
    return a[0] ** -1 + y
