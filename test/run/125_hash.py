# hash(x) of numbers and tuples of them: Python's hash (ints modulo 2**61 - 1, floats by their binary digits,
# complex numbers, bools, NumPy scalars as the Python numbers they equal, tuples by CPython's xxHash-shaped
# combination), equal for equal values across types; the same hash sets and dicts use
import numpy as np

# run: numbers(3)
# expect: ?
def numbers(n):
    return (hash(n), hash(-1), hash(-2), hash(2 ** 61), hash(2 ** 61 - 1), hash(-(2 ** 62)), hash(0.5), hash(1.0),
            hash(-0.0), hash(1e300), hash(float('inf')), hash(-float('inf')), hash(3 + 4j), hash(True), hash(1.5e-300))

# run: numpy_scalars(3)
# expect: ?
def numpy_scalars(n):
    return (hash(np.float32(0.1)), hash(np.int8(-5)), hash(np.uint64(2 ** 63)), hash(np.float64(2.5)),
            hash(np.complex64(1 + 2j)), hash(np.bool_(False)), hash(np.int32(n)) == hash(n))

# run: tuples(3)
# expect: ?
def tuples(n):
    return hash((1, 2)), hash((n, 2.5, (True, -1))), hash(()), hash((1,)), hash((1, 2)) == hash((1.0, 2.0))

# run: buckets(5)
# expect: ?
def buckets(n):
    b = [0] * 7
    for i in range(n):
        for j in range(n):
            b[hash((i, j)) % 7] += 1
    return b
