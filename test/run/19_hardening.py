# Issue 18's wrong answers, each against CPython + NumPy 2: a recursive function typed by the base
# arm of a conditional expression or of and/or; a NumPy scalar keeps its NEP 50 strength through a
# local, a phi, a tuple and a call; long number text; slice step clamping; int() of strings; too
# big arrays.
import numpy as np

# run: fib(20)
# expect: 6765
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

# run: fact(20)
# expect: 2432902008176640000
def fact(n):
    return 1 if n < 2 else n * fact(n - 1)

# run: fact_local(10)
# expect: 3628800
def fact_local(n):
    r = 1 if n < 2 else n * fact_local(n - 1)
    return r

# run: fact_andor(10)
# expect: 3628800
def fact_andor(n):
    return n < 2 and 1 or n * fact_andor(n - 1)

# run: fact_else(10)
# expect: 3628800
def fact_else(n):
    return n * fact_else(n - 1) if n >= 2 else 1

# run: halves(10)
# expect: 512.0
def halves(n):
    return 0.5 if n < 1 else halves(n - 1) * 2

# run: strong_local(np.array([250, 1], dtype=np.uint8), 10)
# expect: [260, 11]
def strong_local(a, v):
    x = np.int64(v)
    return a + x

# run: strong_float(np.array([1.5, 2.5], dtype=np.float32), 0.1)
# expect: [1.6, 2.6]
def strong_float(a, v):
    x = np.float64(v)
    return a + x

# run: strong_mixed()
# expect: 4.0
def strong_mixed():
    x = np.int64(-1)
    return x + np.uint64(5)

# run: strong_phi(np.array([250, 1], dtype=np.uint8), 10, False)
# expect: [261, 12]
def strong_phi(a, v, c):
    if c:
        x = np.int64(v)
    else:
        x = np.int64(v + 1)
    return a + x

def make_strong(v):
    return np.int64(v)

# run: strong_call(np.array([250, 1], dtype=np.uint8), 10)
# expect: [260, 11]
def strong_call(a, v):
    return a + make_strong(v)

# run: strong_tuple(np.array([250, 1], dtype=np.uint8), 10)
# expect: [260, 11]
def strong_tuple(a, v):
    t = (np.int64(v), 1)
    return a + t[0]

# run: weak_again(np.array([250, 1], dtype=np.uint8), 3)
# expect: [253, 4]
def weak_again(a, v):
    y = int(np.int64(v))
    return a + y

# run: long_float()
# expect: 1e+129
def long_float():
    return 1000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000.0

# run: long_float_str()
# expect: 42.5
def long_float_str():
    return float("000000000000000000000000000000000000000000000000000000000000000000000042.5")

# run: float_str_forms()
# expect: 105000000000.0
def float_str_forms():
    return float(" 1_0.5e1_0 ") + float("\t-0.0\n")

# run: int_str_forms()
# expect: -9223372036854774766
def int_str_forms():
    return int(" 42 ") + int("1_000") + int("-9223372036854775808")

# run: step_clamp(np.array([0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0]))
# expect: [5.0]
def step_clamp(a):
    return a[5:2:-2**63]

# run: step_clamp_var(np.array([0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0]), -9223372036854775808)
# expect: [5.0]
def step_clamp_var(a, s):
    return a[5:2:s]

# run: tile_big(np.array([1.0, 2.0]), 4611686018427387904)
# expect-error: line 118: ValueError: array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.
def tile_big(a, n):
    return np.tile(a, n)

# run: repeat_big(np.array([1.0, 2.0]), 4611686018427387904)
# expect-error: line 123: ValueError: negative dimensions are not allowed
def repeat_big(a, n):
    return np.repeat(a, n)

# run: zeros_big(4611686018427387904)
# expect-error: line 128: ValueError: array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.
def zeros_big(n):
    return np.zeros(n)

# NumPy skips an empty extent but still bounds the others (no stride may overflow), and says
# "too big" at the extent that overflows, before a later negative one
# run: zeros_empty_big(4611686018427387904)
# expect-error: line 135: ValueError: array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.
def zeros_empty_big(n):
    return np.zeros((0, n, n)).size

# run: zeros_big_then_negative(4611686018427387904)
# expect-error: line 140: ValueError: array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.
def zeros_big_then_negative(n):
    return np.empty((n, n, -1)).size

# run: zeros_empty_wide(1000000000000)
# expect: 0
def zeros_empty_wide(n):
    return np.ones((n, 0, 1000)).size
