# Found by test/fuzz/gen.py --seed 31 (program 197): reading a variable inside a phi's
# operands completed another parameter of the same loop header first, and the edge
# arguments were appended out of order (a crash or wrong values in every tier).
import math
import numpy as np

def f2_(n, x, arr, i2):
    i0 = n
    i1 = 3
    f0 = x
    f1 = 1.5
    g0 = np.float32(x)
    g0 = (np.float32(f1) * 0.5)
    i2 = n
    i0 = i0
    i2 = abs((abs(i1) % (i2 - i2)))
    if ((n // i0) + (i0 // n)) < i0:
        if not (i2 >= (i0 + -4)):
            return (i0, (abs(f1) / math.sqrt(abs(x))))
        for k1 in range(i1 % 6):
            i2 = (min(((i0 * n) % 1009), i2) - max((n - n), i2))
            if not ((i0 - n) >= min(-4, -3)):
                if not ((-i0) >= (4 % -4)):
                    return (i0, (-3.75 - (n * 0.25)))
                i0 = ((((i2 * i0) % 1009) // 3) // (-(i1 // 3)))
                g0 = np.float32(0.1)
            else:
                g0 = abs(np.float32(1e-45))
    else:
        if n < i1:
            if ((i1 - i2) > 0 and f0 != f1):
                arr[((i0 - i2)) % 8] = 0.5
                i1 = ((max(max(n, i2), (i0 // n)) * n) % 1009)
                if (float(i2) // abs(x)) <= (float(9) * f1):
                    return (i0, 0.5)
            f1 = float(min((4 % i2), (-i2)))
            if i2 < i1:
                return (i0, (abs(f0) / -0.0))
        else:
            for k2 in range((n % 3) + 2):
                f0 = -3.75
    w0 = 0
    while w0 < 4:
        w0 += 1
        if ((8 // 0) + (i2 // i0)) < (i0 // ((n * n) % 1009)):
            i1 = max(n, ((-i1) + (-1)))
        else:
            if (i1 + abs(6)) == n:
                arr[((i1 - n)) % 8] = float((((i0 * i1) % 1009) + (4 // i0)))
            else:
                i2 = i1
                if max(min(i0, 2), min(i2, i2)) == (-(i2 - n)):
                    return (i0, (float(i0) - (1e300 // 0.5)))
    return (i0 + i1 + i2, f0 + f1 + float(g0))

def f1_(n, x, arr, i2):
    i0 = n
    i1 = 3
    f0 = x
    f1 = 1.5
    g0 = np.float32(x)
    if not (i2 >= min(n, i0)):
        i0 += i2
        if float(abs(n)) <= float(math.floor((x / f0) * 0.0 + 1.5)):
            for k2 in range(n):
                f1 = f1
                f0 = (((-3.75 - -0.0) % (2.5 + f1)) / 1e300)
                f1 = f2_(((n - 1) + max(i2, i0)), -3.75, arr, 1)[1]
        else:
            f0 = f2_(min(min(n, i1), (-9)), abs(x), arr, 2)[1]
            arr[((5 // i1)) % 8] = (2.5 * (i1 * 0.25))
        g0 = (g0 * ((np.float32(-2.5) * 0.5) * np.float32(-0.0)))
    else:
        if (n > 0 and -3.75 != (i0 * 0.25)):
            if (min(i0, i2) > 0 and (2.5 / 2.5) != (f1 - f0)):
                i1 = n
            arr[(i1) % 8] = (abs(1) * 0.25)
        else:
            arr[((i1 // 3)) % 8] = float(arr[((n // i1)) % 8])
        f1 = (abs((i2 * 0.25)) % math.sin(-3.75))
    f1 = math.sqrt(abs((-3.75 + float(i0))))
    f0 = f2_(((i2 + n) // 0), ((f0 % x) + float(math.floor(-0.0 * 0.0 + 1.5))), arr, 1)[1]
    if x <= float(arr[((i0 // i0)) % 8]):
        if ((i2 + i2) // 3) < abs(min(i2, 1)):
            i0 = ((9 * i2) % 1009)
        else:
            f0 = f2_(abs(min(i1, 8)), f1, arr, 3)[1]
            w2 = 0
            while w2 < 3:
                w2 += 1
                f0 = f2_(i1, x, arr, 1)[1]
        for k1 in range(4):
            if ((2.5 - x) + (-4 * 0.25)) <= f1:
                return (i0, (math.sqrt(abs(-0.0)) // math.sqrt(abs(x))))
            f1 = float(arr[((n // 3)) % 8])
            g0 = np.float32(3e38)
            i0 = i0 + k1
    w0 = 0
    while w0 < 1:
        w0 += 1
        if (abs(i2) > 0 and 2.5 != (x + f1)):
            g0 = ((np.float32(0.1) * 0.5) * 0.5)
            arr[(((i0 * -5) % 1009)) % 8] = (((-0.0 * -0.0) % (2.5 + float(arr[(i1) % 8]))) - 1e300)
            f0 = f2_(n, math.sqrt(abs((2.5 % float(arr[(n) % 8])))), arr, 3)[1]
        i1 = (((n // n) // (-n)) // 3)
    if (i1 % (n % i0)) == abs(n):
        if not (-3 >= ((n * i1) % 1009)):
            if not (i2 >= i0):
                f0 = f2_(((i0 // 0) // 3), math.sqrt(abs((i2 * 0.25))), arr, 3)[1]
                f0 = f2_((i1 % abs(i1)), ((f1 / f0) - -3.75), arr, 4)[1]
                arr[(max(i1, 2)) % 8] = (-0.0 + ((0.5 / float(arr[((i0 + 6)) % 8])) * 0.5))
            else:
                g0 = np.float32(((i0 * 0.25) // -0.0))
                arr[((n - i1)) % 8] = math.sin(abs(0.5))
            if not ((n // 3) >= (i1 + i1)):
                i1 = (-i0)
                f1 = (-3.75 // float(math.floor(float(math.floor(f0 * 0.0 + 1.5)) * 0.0 + 1.5)))
                f0 = 2.5
            else:
                f0 = (((0.5 // -3.75) * float(i0)) // ((1e300 // 0.5) // (float(arr[(i2) % 8]) - 0.5)))
        else:
            if ((x * x) * (f0 / f0)) <= (float(math.floor(2.5 * 0.0 + 1.5)) * 0.5):
                g0 = np.float32(((-0) * 0.25))
                i0 = n
            else:
                g0 = (g0 * (np.float32(0.1) + (np.float32(3e38) + np.float32(1e-45))))
            for k2 in range(4):
                f1 = f2_(((n % i0) % i2), ((i2 * 0.25) * float(arr[((n - i2)) % 8])), arr, 4)[1]
                i2 += (abs(i2) // 3)
                arr[(abs(4)) % 8] = (float(math.floor((2.5 % -0.0) * 0.0 + 1.5)) / float(arr[((i0 % i1)) % 8]))
                i0 = i0 + k2
        for k1 in range(4):
            f1 = f2_((-((n * i2) % 1009)), 2.5, arr, 1)[1]
    else:
        if (-(-i0)) == (-(-1 - n)):
            f0 = f2_(((i1 % i0) // 3), float(math.floor(float(0) * 0.0 + 1.5)), arr, 2)[1]
            i1 = (abs((2 % i0)) % ((i2 // i2) // 3))
            if 8 < max(n, (5 - n)):
                arr[(i2) % 8] = (((0.5 / f1) / float(n)) * ((float(arr[((-i2)) % 8]) / 0.5) + x))
                f0 = f2_((n // 3), ((0.5 + f0) + f0), arr, 0)[1]
                f1 = f2_(n, 2.5, arr, 4)[1]
            else:
                f0 = f2_((max(i2, i1) % (i1 - i1)), -0.0, arr, 4)[1]
        f1 = f2_((n // 3), abs(abs(0.5)), arr, 0)[1]
    return (i0 + i1 + i2, f0 + f1 + float(g0))

def f0_(n, x, arr, i2):
    i0 = n
    i1 = 3
    f0 = x
    f1 = 1.5
    g0 = np.float32(x)
    i0 += 4
    for k0 in range(4):
        for k1 in range(4):
            if not ((n // 3) >= abs(i1)):
                return (i0, f0)
        for k1 in range(i1 % 6):
            if min(((i0 * i0) % 1009), abs(6)) == (((i1 // n) * i2) % 1009):
                f0 = f1
                arr[((n % -5)) % 8] = f1
                g0 = (g0 * np.float32(float(arr[((i2 - n)) % 8])))
            if f0 <= 0.5:
                i0 += (max(i2, i1) // abs(i2))
                f1 = f1_(i0, ((float(arr[((i0 // i0)) % 8]) // 1e300) / (6 * 0.25)), arr, 2)[1]
        f0 = f1_(max(i1, min(i2, i1)), math.sin((f0 / -0.0)), arr, 0)[1]
    if float(max(n, n)) <= ((i0 // n) * 0.25):
        i0 += i2
        g0 = np.float32(0.5)
        f0 = ((-((n * n) % 1009)) * 0.25)
    f0 = (float(math.floor((1e300 * x) * 0.0 + 1.5)) // math.sqrt(abs((float(arr[(i0 % i2)]) % -0.0))))
    w0 = 0
    while w0 < 5:
        w0 += 1
        f1 = (x // (2.5 % (i0 * 0.25)))
    if max((i1 // 3), (-i2)) < (i2 % max(n, i0)):
        return (i0, float(i0))
    return (i0 + i1 + i2, f0 + f1 + float(g0))

# run: entry(0, 0.5)
# expect: (4, 0.5, 0.5)
# run: entry(3, -2.25)
# expect: (7, -2.25, 0.5)
def entry(n, x):
    arr = np.zeros(8)
    for i in range(8):
        arr[i] = i * 0.5 - 1.0
    r = f0_(n, x, arr, 1)
    return (r[0], r[1], arr[3])

