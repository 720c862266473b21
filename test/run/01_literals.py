# Section 2: literals and lexical structure
import math
import numpy as np

# run: ints()
# expect: (31, 15, 5, 1000000, 0, -16)
def ints():
    return (0x1F, 0o17, 0b101, 1_000_000, 0, -0x10)

# run: floats()
# expect: (0.001, 15000000000.0, 0.5, 5.0, 10.25, 1e+16, 1000000000000000.0, 1.2345678901234568e+17, 0.30000000000000004)
def floats():
    return (1e-3, 1.5e10, .5, 5., 1_0.2_5, 1e16, 1e15, 123456789012345678.0, 0.1 + 0.2)

# run: imag()
# expect: (1j, 2.5j, (1+2j), (-0-1j), 0j, 1000j)
def imag():
    return (1j, 2.5j, 1 + 2j, -1j, 0j, 1e3j)

# run: bools_none()
# expect: (True, False, True)
def bools_none():
    x = None
    return (True, False, x is None)

# run: docstring_and_comments(3)
# expect: 7
def docstring_and_comments(n):
    """A docstring is skipped."""
    # a comment
    total = n  # trailing comment
    total += \
        1
    values = (1,
              2,
              3)
    return total + values[2]

# run: semicolons()
# expect: 3
def semicolons():
    a = 1; b = 2; c = a + b
    return c

# run: float_repr()
# expect: (1e-05, 0.0001, 1e+22, 0.3333333333333333, 1.152921504606847e+18, -0.0, 5e-324, 1.7976931348623157e+308)
def float_repr():
    return (1e-5, 0.0001, 1e22, 1.0 / 3, 2.0 ** 60, -0.0, 5e-324, 1.7976931348623157e308)

# run: special_floats()
# expect: (inf, -inf, nan, inf, -inf, nan, 1.5)
def special_floats():
    return (math.inf, -math.inf, math.nan, float('inf'), float('-inf'), float('nan'), float('1.5'))

# run: complex_repr()
# expect: ((1+0j), -1j, (-0+1j), (1.5+infj), (nan+2j), (-1-0j))
def complex_repr():
    return (complex(1, 0), complex(0, -1), complex(-0.0, 1), complex(1.5, math.inf), complex(math.nan, 2), -(1 + 0j))
