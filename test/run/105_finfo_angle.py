# np.finfo(t).attr and np.iinfo(t).attr (NumPy's machine limits as constants: a float type's in its own type, the
# integer ones Python ints) and np.angle (NumPy's arctan2(z.imag, z.real), deg=True times 180 / pi).
import numpy as np


# run: limits(1)
# expect: (2.220446049250313e-16, 1.7976931348623157e+308, 1.1920928955078125e-07, 1.1754943508222875e-38, 2.220446049250313e-16, 2147483647, -9223372036854775808, 255, 16, 15, 9.999999974752427e-07, 5e-324, 9223372036854775807, -1.7976931348623157e+308, True, 2.220446049250313e-16)
def limits(n):
    a = np.ones(2, dtype=np.float32)
    return (np.finfo(np.float64).eps, np.finfo(float).max, np.finfo(a.dtype).eps, np.finfo(np.float32).tiny,
            np.finfo(np.complex128).eps, np.iinfo(np.int32).max, np.iinfo(np.int64).min, np.iinfo(np.uint8).max,
            np.iinfo(np.int16).bits, np.finfo(np.float64).precision, np.finfo(np.float32).resolution,
            np.finfo(np.float64).smallest_subnormal, np.iinfo(int).max, np.finfo(np.float64).min,
            isinstance(np.finfo(np.float32).eps, np.float32), np.finfo(np.float64).eps * n)


# run: tolerance(1e-20)
# expect: (True, True, True, -129)
def tolerance(x):
    eps = np.finfo(np.float64).eps
    return x < eps, 1.0 + eps > 1.0, 1.0 + eps / 2 == 1.0, np.iinfo(np.int8).min - 1


# run: angles(4)
# expect: ([0.0, 1.0471975511965976, 2.0943951023931953, 3.141592653589793], [0.0, 59.99999999999999, 119.99999999999999, 180.0], 0.7853981633974483, [3.141592653589793, 0.0], 3.141592653589793, [0.0, 1.0471975803375244, 2.094395160675049, 3.1415927410125732])
def angles(n):
    z = np.exp(1j * np.linspace(0, np.pi, n))
    return (np.angle(z), np.angle(z, deg=True), np.angle(1 + 1j), np.angle(np.array([-1.0, 2.0])), np.angle(-2.0),
            np.angle(z.astype(np.complex64)))
