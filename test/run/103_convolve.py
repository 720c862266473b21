# np.convolve and np.correlate (modes 'full', 'same', 'valid'): NumPy's _pyarray_correlate step for step — the
# windows overhanging the left end, the full windows (a sum from 0 in order for kernels of at most 11, NumPy's
# small_correlate; longer ones its dot, BLAS's ?dot), those overhanging the right end; convolve swaps so the longer
# comes first and reverses the kernel, correlate reverses its result where the second array is the longer.
# Integer inputs are exact; float values printed to 12 digits (Debian's ?dot from the command line).
import numpy as np


def r12(x):
    return np.round(x, 12)


# run: basics(5)
# expect: ([1.0, 2.5, 4.25, 6.0, 7.75, 3.5, 1.25], [2.5, 4.25, 6.0, 7.75, 3.5], [4.25, 6.0, 7.75], [1.0, 2.5, 4.25, 6.0, 7.75, 3.5, 1.25], [2.75, 4.5, 6.25], [0.25, 1.0, 2.75, 4.5, 6.25, 6.5, 5.0], [5.0, 6.5, 6.25, 4.5, 2.75, 1.0, 0.25], [1.0, 2.75, 4.5, 6.25, 6.5])
def basics(n):
    a = np.arange(1.0, n + 1.0)
    v = np.array([1.0, 0.5, 0.25])
    return (np.convolve(a, v), np.convolve(a, v, "same"), np.convolve(a, v, "valid"), np.convolve(v, a),
            np.correlate(a, v), np.correlate(a, v, "full"), np.correlate(v, a, "full"), np.correlate(a, v, mode="same"))


# run: ints(6)
# expect: ([0, 1, 1, 1, 1, 1, -5], [1, 4, 7, 10, 13], [0.0, 1.0, 2.5, 4.0, 1.5], [0, 0, 1, 4, 10, 20, 35, 44, 46, 40, 25])
def ints(n):
    a = np.arange(n)
    return np.convolve(a, [1, -1]), np.correlate(a, np.array([2, 1])), np.convolve([1, 2, 3], [0.0, 1.0, 0.5]), np.convolve(a, a)


# run: long_kernel(40)
# expect: ([0.0, 2.309993714926, 4.209311515056, 2.284360770966, -0.714960537831, -3.378024734119, -2.081748035886, 1.746695189279], [-1.844563566383, -1.327996462873, 2.503565603009, 4.440479132972, 0.358079579143], (54,), (26,))
def long_kernel(n):
    x = np.sin(np.arange(n) * 0.1)
    k = np.cos(np.arange(15) * 0.2)
    return r12(np.convolve(x, k)[::7]), r12(np.correlate(x, k, "same")[::9]), np.convolve(x, k).shape, np.convolve(x, k, "valid").shape


# run: moving_average(10)
# expect: ([1.666666666667, 4.666666666667, 9.666666666667, 16.666666666667, 25.666666666667, 36.666666666667, 49.666666666667, 64.666666666667], True)
def moving_average(n):
    x = np.arange(n * 1.0) ** 2
    w = np.ones(3) / 3
    return r12(np.convolve(x, w, mode="valid")), np.convolve(x.astype(np.float32), w.astype(np.float32), "valid").dtype == np.float32


# run: empty_a(0)
# expect-error: line 48: ValueError: a cannot be empty
def empty_a(n):
    return np.convolve(np.ones(n), np.ones(3))


# run: empty_v(0)
# expect-error: line 54: ValueError: second array argument cannot be empty
def empty_v(n):
    return np.correlate(np.ones(3), np.ones(n))
