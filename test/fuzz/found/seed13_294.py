# found by test/fuzz/gen.py --seed 13 (program 294), minimized
# cpython: (101569272586, 2.0, 0.5, 7.75)
# interp: (101569297125, 2.0, 0.5, 7.75)
# baseline: (101569297125, 2.0, 0.5, 7.75)
# opt: (101569297125, 2.0, 0.5, 7.75)
# auto+osr: (101569297125, 2.0, 0.5, 7.75)
# run: entry(7, 0.0)
import math
import numpy as np

def f2_(n, x, arr, mat, i2):
            return (i0, (math.sqrt(abs(2.5)) % (1e300 - float(mat[(max(i1, i0)) % 3, (i2) % 4]))))

def f1_(n, x, arr, mat, i2):
        if min(((i1 * i0) % 1009), ((i1 * i1) % 1009)) == (min(i0, i1) % (i1 // i2)):
            f1 = f2_((((i1 * n) % 1009) % (i1 - i1)), f1, arr, mat, 0)[1]
        else:
                i1 += i0
        for k1 in range(n):
            w1 += 1

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
    for k0 in range(n):
        for k1 in range(4):
            i1 += i1
            i1 += max(((i1 * i1) % 1009), (7 % i2))
        if (-min(i0, i1)) == 4:
            return (i0, (float(mat[(min(n, n)) % 3, (n) % 4]) % abs(float(arr[((i1 // -1)) % 8]))))
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

