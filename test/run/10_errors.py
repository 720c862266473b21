# Section 13: runtime errors carry the kernel's line
import math
import numpy as np

# run: int_div(1, 0)
# expect-error: line 8: ZeroDivisionError: integer division or modulo by zero
def int_div(a, b):
    return a // b

# run: int_mod(1, 0)
# expect-error: line 13: ZeroDivisionError: integer modulo by zero
def int_mod(a, b):
    return a % b

# run: true_div(1, 0)
# expect-error: line 18: ZeroDivisionError: division by zero
def true_div(a, b):
    return a / b

# run: float_div(1.0, 0.0)
# expect-error: line 24: ZeroDivisionError: float division by zero
def float_div(a, b):
    x = a + 1
    return x / b

# run: float_floordiv(1.0, 0.0)
# expect-error: line 29: ZeroDivisionError: float floor division by zero
def float_floordiv(a, b):
    return a // b

# run: float_mod(1.0, 0.0)
# expect-error: line 34: ZeroDivisionError: float modulo
def float_mod(a, b):
    return a % b

# run: complex_div(1.0, 0.0)
# expect-error: line 39: ZeroDivisionError: complex division by zero
def complex_div(a, b):
    return complex(a, a) / complex(b, b)

# run: zero_pow(0.0)
# expect-error: line 44: ZeroDivisionError: 0.0 cannot be raised to a negative power
def zero_pow(x):
    return x ** -1.5

# run: pow_overflow(10.0)
# expect-error: line 49: OverflowError: (34, 'Numerical result out of range')
def pow_overflow(x):
    return x ** 400

# run: index_error([1, 2, 3], 3)
# expect-error: line 58: IndexError: index 3 is out of bounds for axis 0 with size 3
# run: index_error([1, 2, 3], -4)
# expect-error: line 58: IndexError: index -4 is out of bounds for axis 0 with size 3
# run: index_error([1, 2, 3], -3)
# expect: 1
def index_error(a, i):
    return a[i]

# run: index_error_2d(1, 5)
# expect-error: line 64: IndexError: index 5 is out of bounds for axis 1 with size 3
def index_error_2d(i, j):
    m = np.zeros((2, 3))
    return m[i, j]

# run: store_error([1.0], 1)
# expect-error: line 69: IndexError: index 1 is out of bounds for axis 0 with size 1
def store_error(a, i):
    a[i] = 1.0
    return a

# run: assert_fail(-1)
# expect-error: line 77: AssertionError: x must be positive
# run: assert_fail(1)
# expect: 1
def assert_fail(x):
    assert x > 0, "x must be positive"
    return x

# run: assert_plain(0)
# expect-error: line 83: AssertionError
def assert_plain(x):
    assert x
    return x

# run: raises(5)
# expect: 5
# run: raises(-5)
# expect-error: line 92: ValueError: negative input
def raises(x):
    if x < 0:
        raise ValueError("negative input")
    return x

# run: raise_plain(1)
# expect-error: line 98: NotImplementedError
def raise_plain(x):
    raise NotImplementedError

# run: in_callee(0)
# expect-error: line 103: ZeroDivisionError: integer division or modulo by zero
def helper(x):
    return 10 // x

def in_callee(x):
    return helper(x) + 1

# run: neg_dim(-1)
# expect-error: line 111: ValueError: negative dimensions are not allowed
def neg_dim(n):
    return np.zeros(n)

# run: recursion_limit(5000)
# expect-error: line 118: RecursionError: maximum recursion depth exceeded
def recursion_limit(n):
    if n == 0:
        return 0
    return recursion_limit(n - 1) + 1

# run: range_zero(0)
# expect-error: line 124: ValueError: range() arg 3 must not be zero
def range_zero(s):
    t = 0
    for i in range(0, 10, s):
        t += i
    return t

# run: negative_power(2, -1)
# expect-error: line 131: ValueError: Integers to negative integer powers are not allowed.
def negative_power(a, b):
    return np.int64(a) ** np.int64(b)

# cpython: skip (kiln raises for division by zero on NumPy scalars too; NumPy returns inf)
# run: np_div(np.float64(1.0), 0.0)
# expect-error: line 137: ZeroDivisionError: float division by zero
def np_div(a, b):
    return a / b

# run: other_array_checked([1.0, 2.0, 3.0], [1.0, 2.0])
# expect-error: line 144: IndexError: index 2 is out of bounds for axis 0 with size 2
def other_array_checked(a, b):
    s = 0.0
    for i in range(len(a)):
        s += a[i] * b[i]
    return s
