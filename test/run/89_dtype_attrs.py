# A dtype's attributes: x.dtype.type (the scalar type: `x.dtype.type(0)` is a zero of x's own type, the way to start
# a sum that keeps the array's precision), .itemsize, .name and .kind, constants folded at compile time.
import numpy as np

# run: zero_sum(6)
# expect: (15.0, 15, 15.0, 15j)
def zero_sum(n):
    a = np.arange(n, dtype=np.float32)
    b = np.arange(n, dtype=np.int16)
    c = np.arange(n, dtype=np.float64)
    d = np.arange(n).astype(np.complex64) * 1j
    sa = a.dtype.type(0)
    sb = b.dtype.type(0)
    sc = c.dtype.type(0)
    sd = d.dtype.type(0)
    for i in range(n):
        sa += a[i]
        sb += b[i]
        sc += c[i]
        sd += d[i]
    return sa, sb, sc, sd

# run: precision()
# expect: (0.10000000149011612, 44, 16777216.0)
def precision():
    a = np.zeros(3, dtype=np.float32)
    u = np.zeros(2, dtype=np.uint8)
    big = a.dtype.type(16777216.0)
    big += a.dtype.type(1.0)  # float32 has no 16777217
    return a.dtype.type(0.1), u.dtype.type(300 - 256), big

# run: attrs()
# expect: (4, 8, 1, 16, 'float32', 'int64', 'bool', 'complex128', 'f', 'i', 'u', 'b', 'c')
def attrs():
    f = np.zeros(1, dtype=np.float32)
    i = np.zeros(1, dtype=np.int64)
    u = np.zeros(1, dtype=np.uint16)
    b = np.zeros(1, dtype=np.bool_)
    c = np.zeros(1, dtype=np.complex128)
    return (f.dtype.itemsize, i.dtype.itemsize, b.dtype.itemsize, c.dtype.itemsize, f.dtype.name, i.dtype.name,
            b.dtype.name, c.dtype.name, f.dtype.kind, i.dtype.kind, u.dtype.kind, b.dtype.kind, c.dtype.kind)

# run: by_kind(5)
# expect: (2.5, 2)
def by_kind(n):
    # a branch on the kind folds: each specialization keeps one arm
    f = np.arange(n, dtype=np.float64)
    i = np.arange(n, dtype=np.int64)
    return half(f), half(i)

def half(a):
    if a.dtype.kind == 'f':
        return a[n_of(a) - 1] / a.dtype.type(2) + a.dtype.type(0.5)
    return a[n_of(a) - 1] // 2

def n_of(a):
    return a.shape[0]

# run: by_name(3)
# expect: ('float32 3', 'int8 2')
def by_name(n):
    # the arm not taken would not type (a string and a number): it is never compiled
    return describe(np.ones(n, dtype=np.float32)), describe(np.ones(2, dtype=np.int8))

def describe(a):
    if a.dtype.name != 'float32':
        if a.dtype == np.int8:
            return 'int8 ' + str(a.shape[0])
        return 0
    return a.dtype.name + ' ' + str(a.shape[0])
