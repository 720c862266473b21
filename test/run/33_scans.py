# Scans (cumsum, cumprod) in NumPy's order: the first element is the input's own (a -0.0 stays,
# a complex infinity is not multiplied by 1 + 0j), then o[i] = o[i - 1] op x[i]; the typed loops
# (contiguous arrays along any axis, 1-d arrays of any stride) and the general one agree.
import numpy as np

# run: signs([-0.0, -0.0, 2.5], np.array([3, -2, 7], dtype=np.int32))
# expect: ([-0.0, -0.0, 2.5], [-0.0, 0.0, 0.0], [2.5, 2.5, 2.5], [3, 1, 8], [3, -6, -42], [-0.0, -0.0, 2.5])
def signs(a, b):
    return np.cumsum(a), np.cumprod(a), np.cumsum(a[::-1]), np.cumsum(b), np.cumprod(b), np.cumsum(a.astype(np.float32))

# run: complex_first(float('inf'))
# expect: ([infj, (-inf+nanj)], [infj, infj])
def complex_first(x):
    c = np.zeros(2, dtype=np.complex128)
    c[0] = complex(0.0, x)
    c[1] = 2j
    return np.cumprod(c), np.cumsum(c)

# run: axes([[1.5, -0.0, 2.0], [3.0, 4.0, -1.0]])
# expect: ([[1.5, -0.0, 2.0], [4.5, 4.0, 1.0]], [[1.5, -0.0, -0.0], [3.0, 12.0, -12.0]], [[1.5, 3.5], [3.0, 2.0]], [1.5, 4.5, 4.5, 8.5, 10.5, 9.5], [[[0.0, 1.0, 2.0, 3.0], [4.0, 6.0, 8.0, 10.0], [12.0, 15.0, 18.0, 21.0]], [[12.0, 13.0, 14.0, 15.0], [28.0, 30.0, 32.0, 34.0], [48.0, 51.0, 54.0, 57.0]]], [[[1.0, 2.0, 6.0, 24.0], [5.0, 30.0, 210.0, 1680.0], [9.0, 90.0, 990.0, 11880.0]], [[13.0, 182.0, 2730.0, 43680.0], [17.0, 306.0, 5814.0, 116280.0], [21.0, 462.0, 10626.0, 255024.0]]], [[[0.0, 1.0, 2.0, 3.0], [4.0, 5.0, 6.0, 7.0], [8.0, 9.0, 10.0, 11.0]], [[12.0, 14.0, 16.0, 18.0], [20.0, 22.0, 24.0, 26.0], [28.0, 30.0, 32.0, 34.0]]], [0.0, 1.0, 3.0, 6.0, 10.0, 15.0, 21.0, 28.0, 36.0, 45.0, 55.0, 66.0, 78.0, 91.0, 105.0, 120.0, 136.0, 153.0, 171.0, 190.0, 210.0, 231.0, 253.0, 276.0], [[1.5, 1.5, 3.5], [3.0, 7.0, 6.0]])
def axes(m):
    t = np.arange(24.0).reshape(2, 3, 4)
    return (np.cumsum(m, axis=0), np.cumprod(m, axis=1), np.cumsum(m[:, ::2], axis=1), np.cumsum(m.T),
            np.cumsum(t, axis=1), np.cumprod(t + 1.0, axis=2), np.cumsum(t, axis=0), np.cumsum(t), m.cumsum(axis=-1))

# run: ints(np.array([[1, 2], [3, 4]], dtype=np.uint64), np.array([4611686018427387904, 4611686018427387904, 5]))
# expect: ([[1, 2], [4, 6]], [1, 2, 6, 24], [4611686018427387904, -9223372036854775808, -9223372036854775803], [4611686018427387904, 0, 0])
def ints(u, i):
    return np.cumsum(u, axis=0), np.cumprod(u), np.cumsum(i), np.cumprod(i)
