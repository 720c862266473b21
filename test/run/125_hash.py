# hash(x) of numbers and tuples of them: Python's hash (ints modulo 2**61 - 1, floats by their binary digits,
# complex numbers, bools, NumPy scalars as the Python numbers they equal, tuples by CPython's xxHash-shaped
# combination), equal for equal values across types; the same hash sets and dicts use
import numpy as np

# run: numbers(3)
# expect: (3, -2, -2, 1, 0, -2, 1152921504606846976, 1, 0, 1224995262755759164, 314159, -314159, 4000015, 1, 1876877353711978326)
def numbers(n):
    return (hash(n), hash(-1), hash(-2), hash(2 ** 61), hash(2 ** 61 - 1), hash(-(2 ** 62)), hash(0.5), hash(1.0),
            hash(-0.0), hash(1e300), hash(float('inf')), hash(-float('inf')), hash(3 + 4j), hash(True), hash(1.5e-300))

# run: numpy_scalars(3)
# expect: (230584304357343232, -5, 4, 1152921504606846978, 2000007, 0, True)
def numpy_scalars(n):
    return (hash(np.float32(0.1)), hash(np.int8(-5)), hash(np.uint64(9223372036854775807) + np.uint64(1)), hash(np.float64(2.5)),
            hash(np.complex64(1 + 2j)), hash(np.bool_(False)), hash(np.int32(n)) == hash(n))

# run: tuples(3)
# expect: (-3550055125485641917, 845707517255327930, 5740354900026072187, -6644214454873602895, True)
def tuples(n):
    return hash((1, 2)), hash((n, 2.5, (True, -1))), hash(()), hash((1,)), hash((1, 2)) == hash((1.0, 2.0))

# run: buckets(5)
# expect: [5, 5, 5, 2, 4, 3, 1]
def buckets(n):
    b = [0] * 7
    for i in range(n):
        for j in range(n):
            b[hash((i, j)) % 7] += 1
    return b
