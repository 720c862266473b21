# Complex + - and negation of whole arrays run as one loop over the arrays' float parts (lower/fuse.c's
# lower_parts: NumPy's complex add, subtract and negative are those of the parts); the answers must be
# NumPy's for every layout that takes the path or not: signed zeros, infinities and NaNs in either part,
# complex64, slices, transposes, broadcasts, stores into views and into an operand. CPython + NumPy's answers.
import numpy as np

def vals():
    a = np.array([1 + 2j, -0.0 - 0.0j, complex(np.inf, np.nan), 3.5 - 1e308j, 1e308 + 1e308j, complex(-0.0, 0.0)])
    b = np.array([0.5 - 2j, 0.0 + 0.0j, complex(-np.inf, 1.0), 1e-320 + 1e308j, 1e308 - 1e308j, complex(-0.0, -0.0)])
    return a, b

def six(r):
    return (r[0], r[1], r[2], r[3], r[4], r[5])

# run: add()
# expect: ((1.5+0j), 0j, (nan+nanj), (3.5+0j), (inf+0j), (-0+0j))
def add():
    a, b = vals()
    return six(a + b)

# run: expr()
# expect: ((-1.5-6j), 0j, (nan+nanj), (-7+infj), (-1e+308-infj), 0j)
def expr():
    a, b = vals()
    return six(-(a - b) + a - a - a)

# run: single()
# expect: ((1.5+0j), 0j, (nan+nanj), (3.5+nanj), (inf+nanj), (-0+0j), True)
def single():
    a, b = vals()
    a = a.astype(np.complex64)
    b = b.astype(np.complex64)
    r = a + b
    return (r[0], r[1], r[2], r[3], r[4], r[5], r.real.dtype == np.float32)

# run: mixed()
# expect: ((0.5+4j), 0j, (inf+infj), (-3.5+infj), True)
def mixed():
    a, b = vals()
    r = a.astype(np.complex64) - b
    return (r[0], r[5], r[4], -r[3], r.real.dtype == np.float64)

def grid():
    m = np.arange(12.0).reshape(3, 4) * (1 - 2j)
    n = np.ones((3, 4)) * 1j - 0.5
    return m, n

# run: layouts()
# expect: ((10.5-21j), (1.5-2j), (6.5-13j), (-0.5+1j), (7.5-15j), (10.5-21j), (2.5-5j), 30j)
def layouts():
    m, n = grid()
    c = m + n
    s = m[:, 1:3] - n[:, ::2]
    t = m.T + n.T
    b = m + n[0]
    e = m[::2] + n[1:]
    k = -m[1:, ::-1] + m[1:, ::-1]
    return (c[2, 3], s[0, 0] + 0.5j + 0.5j, s[1, 1] - 0.5j + 0.5j, b[0, 0], e[1, 0], t[3, 2], s[0, 1], k.sum() + 30j)

# run: three()
# expect: ((6-12j), (23-46j), 24)
def three():
    x = (np.arange(24.0) * (1 - 2j)).reshape(2, 3, 4)
    y = x + x - x
    return (y[0, 1, 2], y[1, 2, 3], y.size)

# run: stores()
# expect: ((1.5+0j), (-0+0j), (inf+0j), (1.5+0j), (1.5+0j), (3.5+0j))
def stores():
    a, b = vals()
    o = np.zeros(6, dtype=np.complex128)
    o[:] = a + b
    p = np.zeros(12, dtype=np.complex128)
    p[::2] = a + b
    q = np.zeros(6, dtype=np.complex128)
    q[::-1] = a + b
    return (o[0], o[5], o[4], p[0], q[5], q[2])

# run: into_operand()
# expect: ((1+2j), (1+0j), (1+2j), (3+4j), 0j)
def into_operand():
    a = np.array([1 + 2j, 3 + 4j, 5 + 6j])
    a[:] = a[::-1] - a
    z = np.array([1 + 2j, 1 + 0j])
    z[1:] = z[:1] - z[1:] + z[1:]
    e = np.zeros(0, dtype=np.complex128)
    f = e + e
    return (z[0], 1 + a[1], z[1], 7 + 8j + a[2] - 4 - 4j - 4j + 2j + 2j - 4 + 4j - 8j + a[0] + 4j + 4, f.sum())

# run: shape_error()
# cpython: skip (NumPy's message also lists the shapes: "with shapes (3,) (4,) ")
# expect-error: line 96: ValueError: operands could not be broadcast together
def shape_error():
    a = np.zeros(3, dtype=np.complex128)
    b = np.zeros(4, dtype=np.complex128)
    return (a + b)[0]
