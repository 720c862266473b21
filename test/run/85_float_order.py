# Floating-point sums, products and recurrences in loops of constant trip count keep Python's order on every tier:
# tier 2 asked LLVM to vectorize such loops with a hint that also let it reorder a reduction (lanes of partial
# sums), which changed the bits wherever values cancel. Inputs chosen so that any other order shows
# (1e16 + 1 - 1e16); the runner also runs every kernel with --static-shapes (the matmul's loops then have
# constant trip counts too). CPython + NumPy's answers.
import numpy as np

def cancel(n):
    x = np.zeros(n)
    for i in range(n):
        x[i] = (1e16 if i % 4 == 0 else (-1e16 if i % 4 == 2 else 1.0)) * (1.0 + i * 1e-3)
    return x

# run: sum16()
# expect: -79999999999984.98
def sum16():
    x = cancel(16)
    s = 0.0
    for i in range(16):
        s += x[i]
    return s

# run: sumsq64()
# expect: -2.997433599999999e+33
def sumsq64():
    x = cancel(64)
    s = 0.0
    for i in range(64):
        s += x[i] * x[i] - 1e32
    return s

# run: prod16()
# expect: 7.040754807252068e+132
def prod16():
    x = cancel(16) + 3.0
    p = 1.0
    for i in range(16):
        p *= x[i]
    return p

# run: sum32_f32()
# expect: 0.5
def sum32_f32():
    x = np.zeros(32, dtype=np.float32)
    for i in range(32):
        x[i] = np.float32(1e8 if i % 4 == 0 else (-1e8 if i % 4 == 2 else 0.5))
    s = np.float32(0.0)
    for i in range(32):
        s += x[i]
    return float(s)

# run: complex16()
# expect: (-79999999999984.98+39999999999992.49j)
def complex16():
    x = cancel(16)
    z = 0j
    for i in range(16):
        z += complex(x[i], -0.5 * x[i])
    return z

# run: in_memory()
# expect: -79999999999984.98
def in_memory():
    x = cancel(16)
    acc = np.zeros(1)
    for i in range(16):
        acc[0] += x[i]          # one element, summed in memory: a register once LLVM promotes it
    return acc[0]

# run: stepping()
# expect: 1.6000000000000003
def stepping():
    t = 0.0
    for i in range(16):
        t += 0.1                # a float induction
    return t

# run: largest()
# expect: (nan, 1.012e+16)
def largest():
    x = cancel(16)
    x[5] = np.nan
    m = -np.inf
    for i in range(16):
        m = x[i] if x[i] > m or x[i] != x[i] else m
    y = cancel(16)
    k = -np.inf
    for i in range(16):
        k = max(k, y[i])
    return (m, k)

# run: matmul()
# expect: (0.008, -1.0002000000053357e-07, 0.008)
def matmul():
    n = 8
    a = np.zeros((n, n))
    b = np.zeros((n, n))
    for i in range(n):
        for j in range(n):
            a[i, j] = (1e16 if (i + j) % 4 == 0 else (-1e16 if (i + j) % 4 == 2 else 1.0)) * (1.0 + i * 1e-4)
            b[i, j] = 1.0 + j * 1e-4
    c = np.zeros((n, n))
    for i in range(a.shape[0]):
        for j in range(b.shape[1]):
            s = 0.0
            for k in range(a.shape[1]):
                s += a[i, k] * b[k, j]
            c[i, j] = s
    return (c[0, 3] / 1e16 * 0 + c[1, 2] / 1e3, (c[2, 2] - c[2, 3]) / 1e3, c[3, 7] / 1e3)

# run: sum16_arg(np.array([1e16, 1.0, -1e16, 1.0, 1.1e16, 1.0, -1.1e16, 1.0, 1.2e16, 1.0, -1.2e16, 1.0, 1.3e16, 1.0, -1.3e16, 3.0]))
# expect: 3.0
def sum16_arg(x):
    s = 0.0
    for i in range(16):
        s += x[i]
    return s

# run: prod16_arg(np.array([1e300, 1e10, 1e-300, 1e-10, 3.0, 1e300, 1e10, 1e-300, 1e-10, 3.0, 7.0, 1e-5, 1e300, 1e-300, 0.5, 2.0]))
# expect: inf
def prod16_arg(x):
    p = 1.0
    for i in range(16):
        p *= x[i]
    return p

# run: mem16_arg(np.array([1e16, 1.0, -1e16, 1.0, 1.1e16, 1.0, -1.1e16, 1.0, 1.2e16, 1.0, -1.2e16, 1.0, 1.3e16, 1.0, -1.3e16, 3.0]))
# expect: 3.0
def mem16_arg(x):
    acc = np.zeros(2)
    for i in range(16):
        acc[1] += x[i]
    return acc[1]

def mm(a, b, c):
    for i in range(48):            # constant trip counts: the k loop unrolled whole, the j loop vectorized
        for j in range(48):
            s = a[i, 0] * 0
            for k in range(48):
                s += a[i, k] * b[k, j]
            c[i, j] = s
    return c

# run: matmul48()
# expect: (8000000000047.048, 3000300000048.0, -3014099999952.0, 8016000000047.05, 8000450330624.0, 3001108398080.0)
def matmul48():
    n = 48
    a = np.zeros((n, n))
    b = np.zeros((n, n))
    for i in range(n):
        for j in range(n):
            a[i, j] = (1e16 if (i + j) % 4 == 0 else (-1e16 if (i + j) % 4 == 2 else 1.0 + j * 1e-3)) * (1.0 + i * 1e-4)
            b[i, j] = 1.0 + ((i * 7 + j * 3) % 11) * 1e-4
    c = mm(a, b, np.zeros((n, n)))
    d = mm(a.astype(np.float32), b.astype(np.float32), np.zeros((n, n), dtype=np.float32))
    return (c[0, 3], c[1, 2], c[47, 46], c[20, 21], float(d[0, 3]), float(d[5, 7]))

# run: matmul_shapes(np.zeros((48, 48)), np.zeros((48, 48)), np.zeros((48, 48)))
# expect: (8000000000047.048, 3000300000048.0, -3014099999952.0, 8016000000047.05)
def matmul_shapes(a, b, c):
    # with --static-shapes (the suite's run of every kernel) the loops below have constant trip counts
    for i in range(a.shape[0]):
        for j in range(a.shape[1]):
            a[i, j] = (1e16 if (i + j) % 4 == 0 else (-1e16 if (i + j) % 4 == 2 else 1.0 + j * 1e-3)) * (1.0 + i * 1e-4)
            b[i, j] = 1.0 + ((i * 7 + j * 3) % 11) * 1e-4
    for i in range(a.shape[0]):
        for j in range(b.shape[1]):
            s = a[i, 0] * 0
            for k in range(a.shape[1]):
                s += a[i, k] * b[k, j]
            c[i, j] = s
    return (c[0, 3], c[1, 2], c[47, 46], c[20, 21])
