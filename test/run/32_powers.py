# Powers of floats in loops, where tier 2 calls pow directly (issue 22): Python's rules around C's
# pow (zeros, infinities, NaNs, a negative base with a fractional exponent, overflow), NumPy's plain
# pow for NumPy scalars and np.power, and ndarray's fast paths for `a ** 2`. -0.21400494338852516
# is a double whose square glibc's pow rounds differently from x * x: Python's x ** 2 and
# np.float64 ** 2 give pow's bits, np.power and arrays' ** 2 the product's.
import numpy as np

# run: table([2.0, -2.0, 0.5, 0.0, -0.0, 1.0, -1.0, float('inf'), float('-inf'), float('nan'), 3.0, -0.5])
# expect: [4.0, 0.25, 1.4142135623730951, 1.0, 1.0, 2.0, 0.5, inf, 0.0, nan, 8.0, 0.7071067811865476, 4.0, 0.25, 1.0, 1.0, -2.0, -0.5, inf, 0.0, nan, -8.0, 0.25, 4.0, 0.7071067811865476, 1.0, 1.0, 0.5, 2.0, 0.0, inf, nan, 0.125, 1.4142135623730951, 0.0, 0.0, 1.0, 1.0, 0.0, 0.0, nan, 0.0, 0.0, 0.0, 1.0, 1.0, -0.0, 0.0, nan, -0.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, -1.0, -1.0, 1.0, 1.0, nan, -1.0, inf, 0.0, inf, 1.0, 1.0, inf, 0.0, inf, 0.0, nan, inf, 0.0, inf, 0.0, inf, 1.0, 1.0, -inf, -0.0, inf, 0.0, nan, -inf, 0.0, nan, nan, nan, 1.0, 1.0, nan, nan, nan, nan, nan, nan, nan, 9.0, 0.1111111111111111, 1.7320508075688772, 1.0, 1.0, 3.0, 0.3333333333333333, inf, 0.0, nan, 27.0, 0.5773502691896257, 0.25, 4.0, 1.0, 1.0, -0.5, -2.0, 0.0, inf, nan, -0.125]
def table(v):
    out = []
    for i in range(len(v)):
        x = float(v[i])
        for j in range(len(v)):
            y = float(v[j])
            finite_y = y - y == 0.0
            if (x == 0.0 and y < 0.0) or (x < 0.0 and x - x == 0.0 and finite_y and y != float(int(y))):
                continue  # errors, tested below (CPython gives a complex for the second)
            out.append(x ** y)
    return out

# run: numpy_table(np.array([2.0, -2.0, 0.5, 0.0, -0.0, 1.0, -1.0, float('inf'), float('-inf'), float('nan'), 3.0, -0.5]))
# expect: [4.0, 4.0, 0.25, 0.25, 1.4142135623730951, 1.4142135623730951, 1.0, 1.0, 1.0, 1.0, 2.0, 2.0, 0.5, 0.5, inf, inf, 0.0, 0.0, nan, nan, 8.0, 8.0, 0.7071067811865476, 0.7071067811865476, 4.0, 4.0, 0.25, 0.25, nan, nan, 1.0, 1.0, 1.0, 1.0, -2.0, -2.0, -0.5, -0.5, inf, inf, 0.0, 0.0, nan, nan, -8.0, -8.0, nan, nan, 0.25, 0.25, 4.0, 4.0, 0.7071067811865476, 0.7071067811865476, 1.0, 1.0, 1.0, 1.0, 0.5, 0.5, 2.0, 2.0, 0.0, 0.0, inf, inf, nan, nan, 0.125, 0.125, 1.4142135623730951, 1.4142135623730951, 0.0, 0.0, inf, inf, 0.0, 0.0, 1.0, 1.0, 1.0, 1.0, 0.0, 0.0, inf, inf, 0.0, 0.0, inf, inf, nan, nan, 0.0, 0.0, inf, inf, 0.0, 0.0, inf, inf, 0.0, -0.0, 1.0, 1.0, 1.0, 1.0, -0.0, -0.0, -inf, -inf, 0.0, 0.0, inf, inf, nan, nan, -0.0, -0.0, inf, inf, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, nan, nan, 1.0, 1.0, 1.0, 1.0, -1.0, -1.0, -1.0, -1.0, 1.0, 1.0, 1.0, 1.0, nan, nan, -1.0, -1.0, nan, nan, inf, inf, 0.0, 0.0, inf, inf, 1.0, 1.0, 1.0, 1.0, inf, inf, 0.0, 0.0, inf, inf, 0.0, 0.0, nan, nan, inf, inf, 0.0, 0.0, inf, inf, 0.0, 0.0, inf, nan, 1.0, 1.0, 1.0, 1.0, -inf, -inf, -0.0, -0.0, inf, inf, 0.0, 0.0, nan, nan, -inf, -inf, 0.0, 0.0, nan, nan, nan, nan, nan, nan, 1.0, 1.0, 1.0, 1.0, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, nan, 9.0, 9.0, 0.1111111111111111, 0.1111111111111111, 1.7320508075688772, 1.7320508075688772, 1.0, 1.0, 1.0, 1.0, 3.0, 3.0, 0.3333333333333333, 0.3333333333333333, inf, inf, 0.0, 0.0, nan, nan, 27.0, 27.0, 0.5773502691896257, 0.5773502691896257, 0.25, 0.25, 4.0, 4.0, nan, nan, 1.0, 1.0, 1.0, 1.0, -0.5, -0.5, -2.0, -2.0, 0.0, 0.0, inf, inf, nan, nan, -0.125, -0.125, nan, nan]
def numpy_table(v):
    out = []
    for i in range(len(v)):
        for j in range(len(v)):
            out.append(v[i] ** v[j])
            out.append(np.power(v[i], v[j]))
    return out

# run: squares(np.array([-0.21400494338852516, 1.1, 3e100]))
# expect: ([0.04579811579472586, 0.04579811579472586, 0.04579811579472586, 0.045798115794725855, -0.009801023177951427, 1.2100000000000002, 1.2100000000000002, 1.2100000000000002, 1.2100000000000002, 1.3310000000000004, 9e+200, 9e+200, 9e+200, 9e+200, 2.6999999999999994e+301], [0.045798115794725855, 1.2100000000000002, 9e+200], [0.045798115794725855, 1.2100000000000002, 9e+200], [-0.009801023177951427, 1.3310000000000004, 2.6999999999999994e+301])
def squares(a):
    out = []
    for i in range(len(a)):
        x = float(a[i])
        out.append(x ** 2)
        out.append(x ** 2.0)
        out.append(a[i] ** 2)
        out.append(np.power(a[i], 2.0))
        out.append(x ** 3)
    return out, list(a ** 2), list(np.power(a, 2.0)), list(a ** 3)

# cpython: skip (CPython gives a complex number; a kiln float stays a float and raises)
# run: fractional([4.0, -8.0])
# expect-error: line 51: ValueError: negative number cannot be raised to a fractional power (the result would be complex)
def fractional(v):
    s = 0.0
    for i in range(len(v)):
        s += float(v[i]) ** 0.5
    return s

# run: overflow([2.0, 1e200])
# expect-error: line 59: OverflowError: (34, 'Numerical result out of range')
def overflow(v):
    s = 0.0
    for i in range(len(v)):
        s += float(v[i]) ** 2
    return s

# run: zero_negative([2.0, 0.0])
# expect-error: line 67: ZeroDivisionError: 0.0 cannot be raised to a negative power
def zero_negative(v):
    s = 0.0
    for i in range(len(v)):
        s += float(v[i]) ** -1.5
    return s
