# Found by test/fuzz/gen.py --seed 2 (program 139): a variable bound only inside loops nested in a
# while's else clause left a block parameter (not a loop header's) typed 'unknown' when it was read
# in a sealed block before its cycle's other parameter had a type: tier 2 crashed, the interpreter
# refused it (lower/infer.c, settle_unknown, now types it in place).
import math
import numpy as np

def f2_(n, x, arr, mat, i2):
    i0 = n
    i1 = 3
    f0 = x
    f1 = 1.5
    g0 = np.float32(x)
    c0 = complex(x, 0.5)
    b0 = n > 0
    h0 = np.int32(n * 1000)
    q0 = np.uint8(n % 200)
    arr[(min(n, 4)) % 8] = float(math.floor(((x // -3.75) % float(i1)) * 0.0 + 1.5))
    i2 = max((-(n + i2)), (abs(i1) - i0))
    for k0 in range((n % 3) + 2):
        i2 = (((min(i0, 5) // 3) % (i1 + i2))) % 100003
        arr[(min(n, 8)) % 8] = (((-3.75 // 1e300) / x) - math.sqrt(abs(f0)))
    i0 += ((i1 // 3) // (i1 // 3))
    b0 = not (n >= i0)
    if (i1 > 0 and 0.5 != (2.5 // -0.0)):
        return (i0, -0.0)
    return (i0 + i1 + i2 + b0 + int(h0) + int(q0), f0 + f1 + float(g0) + abs(c0))

def f1_(n, x, arr, mat, i2):
    i0 = n
    i1 = 3
    f0 = x
    f1 = 1.5
    g0 = np.float32(x)
    c0 = complex(x, 0.5)
    b0 = n > 0
    h0 = np.int32(n * 1000)
    q0 = np.uint8(n % 200)
    arr[(i1) % 8] = -3.75
    if float((i2 + i1)) <= x:
        return (i0, float(i1))
    if n == (((i0 * n) % 1009) % (n % n)):
        i2 = ((max(n, 5) % ((i1 * i0) % 1009)) // 3)
        if ((i2 % 7) // (-3 - i1)) < (((i2 // 3) * 6) % 1009):
            arr[((n - n)) % 8] = f0
            i2 += i2
        w1 = 0
        while w1 < 4:
            w1 += 1
            if ((-i2) > 0 and (-0.0 * float(np.min(np.abs(mat) + float(math.floor(x * 0.0 + 1.5))))) != math.sin(f0)):
                break
        else:
            w2 = 0
            while w2 < 3:
                w2 += 1
                c0 = 1j
                f0 = (f0 // ((float(arr[(i1) % 8]) + f0) / float(math.floor(1e300 * 0.0 + 1.5))))
            for k2 in range((n % 3) + 2):
                f0 = (((i0 // n) * 0.25) * ((-3.75 % f0) - (float(mat[(max(-4, n)) % 3, -3]) - 2.5)))
                i1 = (i0) % 100003
                i0 = i0 + k2
    else:
        if abs((3 // 7)) == (4 - (6 - n)):
            i2 += (min(i1, i1) - ((6 * i1) % 1009))
            if (-4) < (i0 - (i0 // i1)):
                f1 = 0.5
                arr[(i2) % 8] = float(math.floor(((x * f0) + (x // float(mat[(i1) % 3, ((i1 - n)) % 4]))) * 0.0 + 1.5))
                i2 = (((max(i2, i2) // (8 - i2)) * i1) % 1009)
            else:
                f0 = f1
        else:
            i2 = i2
    i0 += abs(-2)
    return (i0 + i1 + i2 + b0 + int(h0) + int(q0), f0 + f1 + float(g0) + abs(c0))

def f0_(n, x, arr, mat, i2):
    i0 = n
    i1 = 3
    f0 = x
    f1 = 1.5
    g0 = np.float32(x)
    c0 = complex(x, 0.5)
    b0 = n > 0
    h0 = np.int32(n * 1000)
    q0 = np.uint8(n % 200)
    f1 = f1_(max((-i2), (0 - i0)), float(mat[((-i2)) % 3, (n) % 4]), arr, mat, 4)[1]
    if i2 == abs((i0 - i1)):
        if ((-i1) > 0 and -3.75 != (1e300 % float(mat[(min(1, i1)) % 3, (abs(i0)) % 4]))):
            return (i0, float((arr * float(math.floor(f1 * 0.0 + 1.5))).sum()))
        w1 = 0
        while w1 < 5:
            w1 += 1
            w2 = 0
            while w2 < 3:
                w2 += 1
                i1 = (i0) % 100003
                i0 = ((i1 % n)) % 100003
        else:
            if ((-5) > 0 and f0 != (2.5 * 2.5)):
                f1 = f1_(abs((n // i1)), -0.0, arr, mat, 1)[1]
                f1 = f1_(n, (0.5 / (0.5 // f0)), arr, mat, 1)[1]
            else:
                i1 += i2
        arr[((i0 // n)) % 8] = f1
    f0 = f1_((i2 // 3), (float(mat[((i0 // 3)) % 3, ((n // 3)) % 4]) + (x - 0.5)), arr, mat, 4)[1]
    return (i0 + i1 + i2 + b0 + int(h0) + int(q0), f0 + f1 + float(g0) + abs(c0))

def entry(n, x):
    arr = np.zeros(8)
    for i in range(8):
        arr[i] = i * 0.5 - 1.0
    mat = np.zeros((3, 4))
    for i in range(3):
        for j in range(4):
            mat[i, j] = i * 4 - j * 0.25
    r = f0_(n, x, arr, mat, 1)
    return (r[0], r[1], arr[3], mat[2, 1])

# run: entry(-3, 10000000000.0)
# expect: (-2802, 20000000006.0, -3.75, 7.75)
