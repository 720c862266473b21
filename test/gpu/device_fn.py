# kernels calling other functions of the module (device functions, inlined), a local array, a 3-d grid, bools
# launch: poly 2,5 np.arange(10, dtype=np.float64) np.zeros(10)
# expect: x = [0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0]
# expect: out = [1.0, 6.0, 17.0, 34.0, 57.0, 86.0, 121.0, 162.0, 209.0, 262.0]
# launch: sort4 2,3 np.array([[4, 1, 3, 2], [9, 7, 8, 6], [0, 0, 1, 0], [5, 5, 5, 5], [3, 2, 1, 0], [1, 2, 3, 4]])
# expect: rows = [[1, 2, 3, 4], [6, 7, 8, 9], [0, 0, 0, 1], [5, 5, 5, 5], [0, 1, 2, 3], [1, 2, 3, 4]]
# launch: cube 2x2x2,3x2x2 np.zeros((4, 4, 6), dtype=np.int64) np.zeros((4, 4, 6), dtype=np.bool_)
# ptx-lacks: call
from numba import cuda
import numpy as np


def horner(x, a, b, c):
    return (a * x + b) * x + c


def poly(x, out):
    i = cuda.grid(1)
    if i < x.shape[0]:
        out[i] = horner(x[i], 3.0, 2.0, 1.0)


def sort4(rows):
    r = cuda.grid(1)
    if r < rows.shape[0]:
        tmp = cuda.local.array(4, np.int64)
        for k in range(4):
            tmp[k] = rows[r, k]
        for i in range(4):
            for j in range(3 - i):
                if tmp[j] > tmp[j + 1]:
                    tmp[j], tmp[j + 1] = tmp[j + 1], tmp[j]
        for k in range(4):
            rows[r, k] = tmp[k]


def cube(ids, odd):
    x, y, z = cuda.grid(3)
    if z < ids.shape[0] and y < ids.shape[1] and x < ids.shape[2]:
        ids[z, y, x] = (z * 100 + y) * 100 + x
        odd[z, y, x] = (x + y + z) % 2 == 1
