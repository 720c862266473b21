# Section 12: arrays
import numpy as np

# run: create(3)
# expect: ([0.0, 0.0, 0.0], [[1, 1, 1], [1, 1, 1]], [7, 7, 7], [[1.5, 1.5], [1.5, 1.5]], (3,), [False, False, False])
def create(n):
    a = np.zeros(n)
    b = np.ones((2, n), dtype=np.int32)
    c = np.full(n, 7)
    d = np.full((2, 2), 1.5)
    e = np.empty(n, dtype=np.float32)
    f = np.zeros(n, dtype=bool)
    return (a, b, c, d, e.shape, f)

# run: like([[1.0, 2.0], [3.0, 4.0]])
# expect: ([[0.0, 0.0], [0.0, 0.0]], [[1, 1], [1, 1]], [[9.0, 9.0], [9.0, 9.0]], (2, 2))
def like(m):
    return (np.zeros_like(m), np.ones_like(m, dtype=np.int64), np.full_like(m, 9), np.empty_like(m).shape)

# run: attrs([[1, 2, 3], [4, 5, 6]])
# expect: (2, 3, 2, 6, (2, 3), 2)
def attrs(m):
    h, w = m.shape
    return (h, w, m.ndim, m.size, m.shape, len(m))

# run: negative_index([10, 20, 30, 40])
# expect: (40, 10, 10, 40)
def negative_index(a):
    return (a[-1], a[-4], a[0], a[len(a) - 1])

# run: index2d([[1, 2, 3], [4, 5, 6]])
# expect: (6, 2, 4, 6)
def index2d(m):
    return (m[1, 2], m[0][1], m[-1, -3], m[1][-1])

# run: store([1.0, 2.0, 3.0])
# expect: [10.0, 102.0, 5.0]
def store(a):
    a[0] = 10
    a[-1] = 2.5
    a[1] += 100
    a[2] *= 2
    return a

# run: store_cast([1, 2, 3])
# expect: [3, 1, -2]
def store_cast(a):
    a[0] = 3.9
    a[1] = True
    a[2] = -2.7
    return a

# run: matmul([[1.0, 2.0], [3.0, 4.0]], [[5.0, 6.0], [7.0, 8.0]])
# expect: [[19.0, 22.0], [43.0, 50.0]]
def matmul(a, b):
    n, k = a.shape
    k2, m = b.shape
    c = np.zeros((n, m))
    for i in range(n):
        for p in range(k):
            aip = a[i, p]
            for j in range(m):
                c[i, j] += aip * b[p, j]
    return c

# run: copy_independent([1, 2, 3])
# expect: (1, 100, [100, 2, 3])
def copy_independent(a):
    b = a.copy()
    b[0] = 100
    return (a[0], b[0], b)

# run: row_view([[1.0, 2.0], [3.0, 4.0]])
# expect: ([[1.0, 2.0], [-1.0, 4.0]], [-1.0, 4.0], (2,))
def row_view(m):
    r = m[1]
    r[0] = -1.0
    return (m, r, r.shape)

# run: float32_accumulate(np.array([0.1, 0.2, 0.3, 0.4], dtype=np.float32))
# expect: 1.0
def float32_accumulate(a):
    s = np.float32(0)
    for x in a:
        s += x
    return s

# run: float32_mixed(np.array([1.5, 2.25], dtype=np.float32))
# expect: (4.0, 0.75)
def float32_mixed(a):
    x = a[0] * 2.0 + 1
    y = a[1] / 3
    return (x, y)

# run: int_array_sum(np.array([1, 2, 3], dtype=np.int32))
# expect: 6
def int_array_sum(a):
    s = 0
    for x in a:
        s += x
    return s

# run: complex_array([1j, 2 + 0j])
# expect: [2j, (2+0j)]
def complex_array(a):
    a[0] = a[0] * a[1]
    return a

# run: dtype_follow([1.0, 2.0])
# expect: [2.0, 0.0, 0.0]
def dtype_follow(a):
    b = np.zeros(3, dtype=a.dtype)
    b[0] = a[1]
    return b

# run: fill_method(3)
# expect: [[0.25, 0.25], [0.25, 0.25], [0.25, 0.25]]
def fill_method(n):
    a = np.empty((n, 2))
    a.fill(0.25)
    return a

# run: zero_size()
# expect: ([], (0, 3), 0)
def zero_size():
    a = np.zeros((0, 3))
    return (a, a.shape, a.size)

# run: returns_2d(2, 3)
# expect: [[0, 1, 2], [10, 11, 12]]
def returns_2d(h, w):
    m = np.zeros((h, w), dtype=np.int64)
    for i in range(h):
        for j in range(w):
            m[i, j] = i * 10 + j
    return m

# run: uint_array(np.array([250, 3], dtype=np.uint8))
# expect: ([4, 3], 254)
def uint_array(a):
    a[0] += 10
    return (a, a[1] - 5)

# run: bool_array([True, False, True])
# expect: (2, [True, True, True])
def bool_array(a):
    n = 0
    for x in a:
        if x:
            n += 1
    a[1] = 5
    return (n, a)

# run: three_d(2)
# expect: (101.0, 111.0, [110.0, 111.0])
def three_d(n):
    a = np.zeros((n, n, n))
    for i in range(n):
        for j in range(n):
            for k in range(n):
                a[i, j, k] = i * 100 + j * 10 + k
    return (a[1, 0, 1], a[-1][-1][-1], a[1, 1])
