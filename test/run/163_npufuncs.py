# NumPy ufuncs kiln writes in Python (lower/npufunc.c): gcd/lcm over every integer (absolute values, int64's minimum),
# logaddexp/logaddexp2/heaviside (NaN, infinities, x == y), modf/divmod/reciprocal/float_power/spacing/bitwise_count,
# radians/degrees, NumPy 2's alias names, np.fabs, np.positive, and the folds (gcd.reduce, bitwise_or.accumulate...).
import numpy as np


# run: ints(18)
# expect: ([6, 1, 8, 1, 2, 1, 3, 1], [36, 234, 0, 21, 30, 315, 36, 17], [4, 2, 4], [238, 12, 0], 6, 12, [2, 3, 1, 2, 1, 3, 2, 2], [6, 2, 0], 1, 1260, 254, [12, 6, 6, 1, 1, 1, 1, 1], True, [12, -30, -30, -27, -5, 40, 33, 32], [0, 0, 0, 0, 0, 0, 0, 0], ([-5, -4, -2, -1, 0, 1, 3, 4], [2, 3, 0, 1, 2, 3, 0, 1]), [-18, -13, -8, -3, 2, 7, 12, 17])
def ints(k):
    a = np.arange(-k, k, 5)
    b = np.array([12, -18, 0, 7, 30, -45, 9, 1])
    m = np.array([-9223372036854775807 - 1, 6, 0], dtype=np.int64)
    u = np.array([250, 12, 0], dtype=np.uint8)
    return (np.gcd(a, b), np.lcm(a, b), np.gcd(m, 4), np.lcm(u, 3), np.gcd(12, 18), np.lcm(-4, 6), np.bitwise_count(a),
            np.bitwise_count(u), np.gcd.reduce(b), np.lcm.reduce(b[b != 0]), np.bitwise_or.reduce(u), np.gcd.accumulate(b),
            np.logical_and.reduce(a), np.bitwise_xor.accumulate(b), np.reciprocal(a), np.divmod(a, 4), np.positive(a))


# run: floats(7)
# expect: ([0.04858735157374206, 0.1269280110429725, inf, 0.0, nan, 1e+300, 3.0040784432705707], [0.6221934162022744, -0.728446696836388, 2.169925001442312, nan, 1.0, 2.321928094887362, 700.0], [0.5, 0.5, 1.0, 0.0, nan, 1.0, 0.0], [0.0, 0.0, 0.0, nan, 1.0, 1.0, 1.0], ([0.0, -0.0, 0.0, -0.0, nan, 0.0, -0.5], [0.0, -0.0, inf, -inf, nan, 1e+300, -2.0]), ([-0.0, -0.0, -0.0, 0.0, 0.0, 0.0, 0.0], [-3.0, -2.0, -1.0, 0.0, 1.0, 2.0, 3.0]), ([-4.0, -3.0, -2.0, 0.0, 1.0, 2.0, 4.0], [0.0, 0.25, 0.5, 0.0, 0.25, 0.5, 0.0]), [2.0, -0.6666666666666666, 0.5, nan, -0.0, inf, 0.0014285714285714286], [9.0, 4.0, 1.0, 0.0, 1.0, 4.0, 9.0], 9.0, [5e-324, 5e-324, nan, nan, nan, 1.487016908477783e+284, -4.440892098500626e-16], [1.1102230246251565e-16, -2.220446049250313e-16, 4.440892098500626e-16, nan, nan, 5e-324, 1.1368683772161603e-13])
def floats(n):
    x = np.linspace(-3.0, 3.0, n)
    y = np.array([0.0, -0.0, np.inf, -np.inf, np.nan, 1e300, -2.5])
    z = np.array([0.5, -1.5, 2.0, np.nan, -np.inf, 1e-310, 700.0])
    return (np.logaddexp(x, y), np.logaddexp2(x, z), np.heaviside(y, 0.5), np.heaviside(x, z), np.modf(y), np.modf(x),
            np.divmod(x, 0.75), np.reciprocal(z), np.float_power(x, 2), np.float_power(3, 2), np.spacing(y),
            np.spacing(z))


# run: floats2(7)
# expect: ([-0.05235987755982989, -0.03490658503988659, -0.017453292519943295, 0.0, 0.017453292519943295, 0.03490658503988659, 0.05235987755982989], [-171.88733853924697, -114.59155902616465, -57.29577951308232, 0.0, 57.29577951308232, 114.59155902616465, 171.88733853924697], [0.0, 0.0, inf, inf, nan, 1e+300, 2.5], [3.141592653589793, 2.300523983021863, 1.9106332362490186, 1.5707963267948966, 1.2309594173407747, 0.8410686705679303, 0.0], [-1.2490457723982544, -1.1071487177940904, -0.7853981633974483, 0.0, 0.7853981633974483, 1.1071487177940904, 1.2490457723982544], [-27.0, -8.0, -1.0, 0.0, 1.0, 8.0, 27.0], 3.4577628474042426, [0.5, 0.6269280110429725, 2.2258020492315995, nan, nan, nan, nan], 700.0, -6.0)
def floats2(n):
    x = np.linspace(-3.0, 3.0, n)
    y = np.array([0.0, -0.0, np.inf, -np.inf, np.nan, 1e300, -2.5])
    z = np.array([0.5, -1.5, 2.0, np.nan, -np.inf, 1e-310, 700.0])
    return (np.radians(x), np.degrees(x), np.fabs(y), np.acos(x / 3), np.atan2(x, 1.0), np.pow(x, 3),
            np.logaddexp.reduce(x), np.logaddexp.accumulate(z), np.fmax.reduce(z), np.subtract.reduce(x))


# run: numbers(6)
# expect: (2, 12, 1.0, 6.006715348489118, (0.75, 2.0), (1, 2), 2.220446049250313e-16, 8, 0.25, 0.6666666865348816, 57.2957763671875, 6, 6.0, True)
def numbers(k):
    f = np.float32(k) / 4
    return (np.gcd(k, 4), np.lcm(np.int16(k), np.int16(4)), np.heaviside(f, np.float32(0.5)), np.logaddexp(1.0, k),
            np.modf(2.75), np.divmod(k, 4), np.spacing(1.0), np.bitwise_count(255), np.float_power(2, -2), np.reciprocal(f),
            np.degrees(np.float32(1.0)), np.float64(k).astype(np.int8), np.int64(k).astype(np.float32), np.bool(k))


# run: bad_weights(3)
# expect-error: line 52: ValueError: The weights and list don't have the same length.
def bad_weights(n):
    return np.bincount(np.arange(n), weights=np.ones(n + 1))


# run: weights(6)
# expect: ([3.0, 5.5, 0.0, 2.0], [0.0, 3.0, 0.0, 1.0, 0.0, 0.0], [3, 3, 3])
def weights(n):
    x = np.array([0, 1, 1, 3, 0, 1])[:n]
    return np.bincount(x, weights=np.linspace(0.5, 3.0, n)), np.bincount(x, weights=x > 0, minlength=6), np.ptp(np.arange(12).reshape(3, 4), axis=1)


# run: bad_minlength(-1)
# expect-error: line 65: ValueError: 'minlength' must not be negative
def bad_minlength(k):
    return np.bincount(np.arange(3), minlength=k)


# run: empty_lcm(0)
# expect-error: line 71: ValueError: zero-size array to reduction operation lcm which has no identity
def empty_lcm(n):
    return np.lcm.reduce(np.arange(n))


# run: frexp_ldexp(3)
# expect: (([0.0, -0.0, 0.5, -0.9375, 0.8, 0.5, 0.5, 0.9999999999999999, inf, nan, 0.5752618031559393], [0, 0, 1, 2, -3, -1073, -1021, 1024, 0, 0, -1029]), [0.0, -0.0, 0.5, -120.0, inf, 0.0, 0.0, inf, inf, nan, 1.25e-311], ([0.0, -0.0, 0.5, -0.9375, 0.800000011920929, 0.0, 0.0, inf, inf, nan, 0.0], [0, 0, 1, 2, -3, 0, 0, 0, 0, 0, 0]), [0.0, -0.0, 8.0, -30.0, 0.800000011920929], (0.625, 2), 12.0)
def frexp_ldexp(k):
    x = np.array([0.0, -0.0, 1.0, -3.75, 0.1, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e+308, np.inf, -np.nan, 1e-310])
    e = np.array([0, 1, -1, 5, 1074, -1075, -60, 1024, 3, 2, -k])
    return np.frexp(x), np.ldexp(x, e), np.frexp(x.astype(np.float32)), np.ldexp(x[:5].astype(np.float32), k), np.frexp(2.5), np.ldexp(3, 2)
