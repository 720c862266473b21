# Section 11: the math module
import math
from math import sqrt, pi

# run: basics(2.0)
# expect: (1.4142135623730951, 7.38905609893065, 0.6931471805599453, 1.0, 0.3010299956639812, 1.0986122886681096, 6.38905609893065)
def basics(x):
    return (math.sqrt(x), math.exp(x), math.log(x), math.log2(x), math.log10(x), math.log1p(x), math.expm1(x))

# run: trig(0.5)
# expect: (0.479425538604203, 0.8775825618903728, 0.5463024898437905, 0.5235987755982989, 1.0471975511965979, 0.4636476090008061, 0.24497866312686414)
def trig(x):
    return (math.sin(x), math.cos(x), math.tan(x), math.asin(x), math.acos(x), math.atan(x), math.atan2(x, 2.0))

# run: hyper(0.75)
# expect: (0.82231673193583, 1.2946832846768448, 0.6351489523872873)
def hyper(x):
    return (math.sinh(x), math.cosh(x), math.tanh(x))

# run: rounding_funcs(-2.5)
# expect: (-3, -2, -2, 2.5, 3)
# run: rounding_funcs(7.0)
# expect: (7, 7, 7, 7.0, 3)
def rounding_funcs(x):
    return (math.floor(x), math.ceil(x), math.trunc(x), math.fabs(x), math.floor(3))

# run: two_args(5.5, 2.0)
# expect: (1.5, 5.852349955359813, 30.25, -5.5, 4.918863237274595)
# run: two_args(-5.5, 2.0)
# expect: (-1.5, 5.852349955359813, 30.25, -5.5, 4.918863237274595)
def two_args(x, y):
    return (math.fmod(x, y), math.hypot(x, y), math.pow(x, y), math.copysign(x, -y), math.log(x * x, y))

# run: predicates(1.0)
# expect: (False, False, True)
# run: predicates(float('inf'))
# expect: (False, True, False)
# run: predicates(float('nan'))
# expect: (True, False, False)
def predicates(x):
    return (math.isnan(x), math.isinf(x), math.isfinite(x))

# run: consts()
# expect: (3.141592653589793, 2.718281828459045, 6.283185307179586, 3.141592653589793, 4.0)
def consts():
    return (math.pi, math.e, math.tau, pi, sqrt(16))

# run: on_ints(16)
# expect: (4.0, 1.0, 5)
def on_ints(n):
    return (math.sqrt(n), math.exp(0), math.floor(n / 3))

# run: domain(-1.0)
# expect-error: line 56: ValueError: math domain error
def domain(x):
    return math.sqrt(x)

# run: log_zero(0.0)
# expect-error: line 61: ValueError: math domain error
def log_zero(x):
    return math.log(x)

# run: overflow(1000.0)
# expect-error: line 66: OverflowError: math range error
def overflow(x):
    return math.exp(x)

# run: floor_inf(float('inf'))
# expect-error: line 71: OverflowError: cannot convert float infinity to integer
def floor_inf(x):
    return math.floor(x)

# run: special(0.5)
# expect: (0.5204998778130465, 0.4795001221869535, 28.64788975654116, 3.141592653589793)
def special(x):
    return (math.erf(x), math.erfc(x), math.degrees(x), math.radians(180.0))

# run: inverse_hyperbolic(0.5)
# expect: (0.48121182505960347, 1.3169578969248166, 0.5493061443340548, -691.4686750787736)
def inverse_hyperbolic(x):
    return (math.asinh(x), math.acosh(x + 1.5), math.atanh(x), math.asinh(-1e300))

# run: atanh_domain(1.0)
# expect-error: line 86: ValueError: math domain error
def atanh_domain(x):
    return math.atanh(x)

# run: acosh_domain(0.5)
# expect-error: line 91: ValueError: math domain error
def acosh_domain(x):
    return math.acosh(x)
