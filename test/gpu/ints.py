# integer arithmetic with Python's rules on every element: floor division and modulo of negatives, shifts,
# wrapping int32 and uint8 stores, abs, min/max (division by a constant becomes a multiply: mul.hi)
# launch: ints 3,7 np.arange(21) np.zeros(21) np.zeros(21, dtype=np.int32) np.zeros(21, dtype=np.uint8)
# launch: ints 64,64 np.arange(4000) np.zeros(4000) np.zeros(4000, dtype=np.int32) np.zeros(4000, dtype=np.uint8)
# ptx-has: mul\.hi\.s64
from numba import cuda


def ints(a, q, w, b):
    i = cuda.grid(1)
    if i < a.shape[0]:
        x = a[i] - 10
        q[i] = x // 3 * 1000 + x % 7 + (x << 3) - (abs(x) >> 1) + max(x, 2) * min(x, -1)
        w[i] = x * 1000003 * 7919
        b[i] = x * 37
