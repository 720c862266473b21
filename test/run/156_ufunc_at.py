# ufunc.at(a, indices, b): NumPy's unbuffered in-place operation, index by index (repeated indices accumulate), negative
# indices wrapped, NumPy's IndexError; rows of an n-d array; unary ufuncs (np.negative.at) too.
# run: ats(6)
# expect: ([1.0, 0.875, 2.0, 0.0, 1.0, 1.0], [[4.0, 9.0], [1.0, 1.0], [2.0, 3.0]], [4, 4, 2, 3, 4, 3], [1, 1, 0, 3], [0.0, 1.0, -2.0, 3.0])
import numpy as np
def ats(n):
    a = np.zeros(n)
    idx = np.array([0, 2, 2, 4, -1])
    np.add.at(a, idx, 1.0)
    np.add.at(a, [1, 1, 1], np.array([0.5, 0.25, 0.125]))
    b = np.ones((3, 2))
    np.multiply.at(b, [0, 0, 2], np.array([2.0, 3.0]))
    c = np.arange(n)
    np.maximum.at(c, [0, 1], 4)
    np.subtract.at(c, 5, 2)
    h = np.zeros(4, dtype=np.int64)
    np.add.at(h, np.array([3, 1, 3, 3, 0]), 1)
    d = np.arange(4.0)
    np.negative.at(d, [1, 1, 2])
    return a, b, c, h, d

# run: at_bad(3)
# expect-error: line 26: IndexError: index 3 is out of bounds for axis 0 with size 3
def at_bad(n):
    a = np.zeros(n)
    np.add.at(a, [0, n], 1.0)
    return a
