# math.gamma and math.lgamma as CPython computes them (its own Lanczos approximation, mathmodule.c), not libm's
# tgamma/lgamma: the arguments of gammas() and lgammas() are ones where glibc's differ from CPython's in the last
# bits; the reflection formula below 0, exact factorials, the poles' ValueError, the OverflowError past 171.62
import math

# run: gammas(26.061152540073174, 36.76082903346564)
# expect: (1.891005101891548e+25, 1.5747725782507144e+41, -3.3386740039449365e-26, 20754.474543819073, 24.0, 1.1240007277776077e+21, -0.0)
# run: gammas(-3.25, 0.5)
# expect: (0.5362507279163856, 1.7724538509055159, 2.5492569667185285, 11.692208102549175, 24.0, 1.1240007277776077e+21, -0.0)
# run: gammas(1e-21, 150.5)
# expect: (1.0000000000000001e+21, 4.661072627097377e+261, -1.0000000000000001e+21, 3e+21, 24.0, 1.1240007277776077e+21, -0.0)
def gammas(a, b):
    return math.gamma(a), math.gamma(b), math.gamma(-a), math.gamma(a / 3), math.gamma(5), math.gamma(23.0), math.gamma(-200.5)

# run: lgammas(54.82052553993452, 11.906038894029479)
# expect: (163.6028306646274, 17.27317731547911, -165.83561477626122, 0.0, 0.0, 6.897755278982137e+302, inf)
# run: lgammas(0.25, -7.5)
# expect: (1.2880225246980772, -8.404537371451598, 1.5895753125511862, 0.0, 0.0, 6.897755278982137e+302, inf)
def lgammas(a, b):
    return math.lgamma(a), math.lgamma(b), math.lgamma(-a), math.lgamma(1.0), math.lgamma(2), math.lgamma(1e300), math.lgamma(-math.inf)

# run: poles(0)
# expect-error: line 32: ValueError: math domain error
# run: poles(1)
# expect-error: line 34: ValueError: math domain error
# run: poles(2)
# expect-error: line 36: ValueError: math domain error
# run: poles(3)
# expect-error: line 37: OverflowError: math range error
def poles(k):
    if k == 0:
        return math.gamma(0.0)
    if k == 1:
        return math.gamma(-4.0)
    if k == 2:
        return math.lgamma(-2.0)
    return math.gamma(171.7)

# run: py311(27.0, 10.5)
# expect: (3.0000000000000004, -2.1897595699439445, 0.0, 1448.1546878700494, 5e-324, 0.0006905339660024879)
def py311(x, y):
    return math.cbrt(x), math.cbrt(-y), math.cbrt(0.0), math.exp2(y), math.exp2(-1074.0), math.exp2(-y)

# run: py311_overflow(1025.0)
# expect-error: line 47: OverflowError: math range error
def py311_overflow(x):
    return math.exp2(x)
