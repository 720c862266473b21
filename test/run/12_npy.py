# Arrays from .npy files: Fortran order arrives as a strided view
import numpy as np

# run: walk(@test/data/fortran2x3.npy)
# expect: (18517.5, 7.5, 4.5)
def walk(m):
    h, w = m.shape
    s = 0.0
    for i in range(h):
        for j in range(w):
            s = s * 10 + m[i, j]
    return (s, m[1, 2], m[-1, 0])

# run: rows(@test/data/fortran2x3.npy)
# expect: 460.5
def rows(m):
    t = 0.0
    for r in m:
        t += r[0] * 100 + r[2]
    return t

# run: copy_c(@test/data/fortran2x3.npy)
# expect: ([[0.0, -1.0, 3.0], [4.5, 6.0, 7.5]], 1.5)
def copy_c(m):
    c = m.copy()
    c[0, 1] = -1.0
    return (c, m[0, 1])

# run: ints(@test/data/int32_3.npy)
# expect: (155, -4, 1)
def ints(a):
    s = 0
    for x in a:
        s += x * x
    return (s, a[1] // 2, a[1] % 4)

# run: complex64(@test/data/c64.npy)
# expect: ((1-0.5j), (2+2j), 2.2360680103302)
def complex64(a):
    return (a[0] * a[1], a[0] + 1, abs(a[0]))

# run: bools(@test/data/bool4.npy)
# expect: 3
def bools(a):
    n = 0
    for b in a:
        n += b
    return n

# run: matrix(@test/data/int64_3x4.npy)
# expect: (15, [8, 9, 10, 11], 12)
def matrix(m):
    t = 0
    for i in range(m.shape[0]):
        t += m[i, i]
    return (t, m[2], m.size)

# run: write_back(@test/data/fortran2x3.npy)
# expect: [[0.0, 1.5, 100.0], [4.5, 6.0, 7.5]]
def write_back(m):
    m[0, 2] = 100.0
    return m
