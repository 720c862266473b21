# Integer-array indexing of an n-d array's first axis (lower/fancy.c's rows): m[idx] takes whole rows (idx's shape
# followed by m's other axes; negative indices wrap; NumPy's IndexError), m[idx] = v writes a scalar, one row, or an
# array of the result's shape to each named row, a repeated index keeping the last; CPython + NumPy's answers.
import numpy as np

# run: take(1)
# expect: ([[8.0, 9.0, 10.0, 11.0], [0.0, 1.0, 2.0, 3.0], [8.0, 9.0, 10.0, 11.0]], (2, 2, 4), [8.0, 9.0, 10.0, 11.0], [[4.0, 5.0, 6.0, 7.0], [4.0, 5.0, 6.0, 7.0]], [38.0, 6.0, 38.0], (0, 4))
def take(n):
    m = np.arange(12.0).reshape(3, 4)
    idx = np.array([2, 0, -1])
    a = m[idx]
    b = m[np.array([[0, 1], [1, 2]])]
    c = m[[1, 1]]
    return a, b.shape, b[1, n], c, m[idx].sum(axis=1), m[np.array([], dtype=np.int64)].shape

# run: put(1)
# expect: ([[7.0, 7.0, 7.0, 7.0], [4.0, 5.0, 6.0, 7.0], [7.0, 7.0, 7.0, 7.0]], [[0.0, 1.0, 2.0, 3.0], [1.0, 2.0, 3.0, 4.0], [8.0, 9.0, 10.0, 11.0]], [[80.0, 90.0, 100.0, 110.0], [4.0, 5.0, 6.0, 7.0], [0.0, 10.0, 20.0, 30.0]], [[0.0, 1.0, 2.0, 3.0], [2.0, 2.0, 2.0, 2.0], [8.0, 9.0, 10.0, 11.0]])
def put(n):
    m = np.arange(12.0).reshape(3, 4)
    m2 = m.copy()
    m2[np.array([0, 2])] = 7
    m3 = m.copy()
    m3[np.array([n])] = np.array([1.0, 2.0, 3.0, 4.0])
    m4 = m.copy()
    m4[np.array([2, 0])] = m[np.array([0, 2])] * 10
    m5 = m.copy()
    m5[np.array([1, 1])] = np.array([[1.0, 1.0, 1.0, 1.0], [2.0, 2.0, 2.0, 2.0]])
    return m2, m3, m4, m5

# run: overlap(2)
# expect: [[4, 5], [2, 3], [0, 1]]
def overlap(n):
    m = np.arange(6).reshape(3, 2)
    m[np.array([0, 1, 2])] = m[::-1]
    return m

# run: three_d(1)
# expect: ([[21, 22], [21, 22], [9, 10]], 66, (1, 3, 4))
def three_d(n):
    cube = np.arange(24).reshape(2, 3, 4)
    d = cube[np.array([1, 1, 0])][:, 2, 1:3]
    cube[np.array([n])] = 0
    return d, cube.sum(), cube[np.array([0])].shape

# run: permute_rows(5)
# expect: ([[12.0, 13.0, 14.0], [9.0, 10.0, 11.0], [6.0, 7.0, 8.0], [3.0, 4.0, 5.0], [0.0, 1.0, 2.0]], True)
def permute_rows(n):
    x = np.arange(n * 3, dtype=np.float32).reshape(n, 3)
    order = np.argsort(-x[:, 0])
    return x[order], x[order].dtype == np.float32

# run: out_of_range(3)
# expect-error: line 56: IndexError: index 3 is out of bounds for axis 0 with size 3
def out_of_range(n):
    m = np.arange(12.0).reshape(3, 4)
    return m[np.array([0, n])]

# run: negative_out_of_range(-4)
# expect-error: line 62: IndexError: index -4 is out of bounds for axis 0 with size 3
def negative_out_of_range(n):
    m = np.zeros((3, 2))
    m[np.array([n, 0])] = 1.0
    return m

# run: bad_shape(2)
# expect-error: line 69: ValueError: shape mismatch: value array of shape (3,) could not be broadcast to indexing result of shape (2,2)
def bad_shape(n):
    m = np.zeros((3, 2))
    m[np.array([0, 1])] = np.ones(n + 1)
    return m
