# the sys module's constants (maxsize, maxunicode, float_info's), math.nextafter and math.ulp (CPython's), and
# np.nextafter of float64 arrays
import math
import sys
from sys import maxsize, float_info
import sys as system
import numpy as np

# run: constants(1)
# expect: (9223372036854775807, 2.220446049250313e-16, 9223372036854775806, 1.7976931348623157e+308, 2.2250738585072014e-308, 15, 1114111, 53, 1024, -1021, 2, True)
def constants(n):
    return (sys.maxsize, sys.float_info.epsilon, maxsize - n, float_info.max, system.float_info.min,
            sys.float_info.dig, sys.maxunicode, sys.float_info.mant_dig, sys.float_info.max_exp, sys.float_info.min_exp,
            sys.float_info.radix, 1.0 + sys.float_info.epsilon > 1.0)

# run: steps(1.5)
# expect: (1.5000000000000002, 1.4999999999999998, 5e-324, 1.5, 2.220446049250313e-16, 5e-324, 1.487016908477783e+284, 1.99584030953472e+292, inf, 5e-324, nan, nan, inf)
# run: steps(-0.0)
# expect: (5e-324, -5e-324, 5e-324, -0.0, 5e-324, 5e-324, 1.487016908477783e+284, 1.99584030953472e+292, inf, 5e-324, nan, nan, inf)
def steps(x):
    return (math.nextafter(x, 2.0), math.nextafter(x, -math.inf), math.nextafter(0.0, 1.0), math.nextafter(x, x),
            math.ulp(x), math.ulp(0.0), math.ulp(-1e300), math.ulp(1.7976931348623157e308), math.ulp(math.inf),
            math.ulp(5e-324), math.nextafter(math.nan, 1.0), math.ulp(math.nan), math.nextafter(1.7976931348623157e308, math.inf))

# run: np_steps(1)
# expect: ([0.9999999999999999, 2.0000000000000004, -5e-324], 0.9999999999999999)
def np_steps(n):
    return np.nextafter(np.array([1.0, 2.0, 0.0]), np.array([0.0, 3.0, -1.0])), np.nextafter(1.0, 0.0)
