# np.flip, flipud, fliplr, rot90 (views), np.isclose and np.allclose (NumPy's definition), np.unravel_index, against
# NumPy 2 on every tier (lower/npmisc.c).
import numpy as np

# run: views(9)
# expect: ([[2, 5], [1, 4], [0, 3]], [[5, 4, 3], [2, 1, 0]], [[3, 0], [4, 1], [5, 2]], [[3, 0], [4, 1], [5, 2]], [[3, 4, 5], [0, 1, 2]], [[2, 1, 0], [5, 4, 3]], [4.0, 3.0, 2.0, 1.0, 0.0], [[2, 1, 0], [5, 4, 3]], [[5, 4, 3], [2, 1, 0]], [4.0, 3.0, 2.0, 1.0, 0.0], [7, 5, 3])
def views(n):
    g = np.arange(6).reshape(2, 3)
    a = np.arange(5.0)
    return (np.rot90(g), np.rot90(g, 2), np.rot90(g, -1), np.rot90(g, 3), np.flipud(g), np.fliplr(g), np.flip(a), np.flip(g, 1), np.flip(g),
            np.flipud(a), np.flip(g, axis=-1).sum(axis=0))
# run: close(9)
# expect: ([True, False, True, False], [True, True, True, False], True, False, True, True, [False, True], True, True, [True, False, True, True], [True, False, True, True], True)
def close(n):
    x = np.array([1.0, np.nan, np.inf, 2.0])
    y = np.array([1.0 + 1e-9, np.nan, np.inf, 2.1])
    return (np.isclose(x, y), np.isclose(x, y, equal_nan=True), np.allclose(x[:1], y[:1]), np.allclose(x, y), np.isclose(1.0, 1.0 + 1e-9),
            np.isclose(3, 3), np.isclose(np.array([1, 2]), 2), np.isclose(np.float32(1), 1.0), np.allclose([1.0, 2.0], [1.0, 2.0000001]),
            np.isclose(x, y, rtol=0.1), np.isclose(x, y, 0.0, 0.2), np.allclose(np.ones(3, dtype=np.float32), 1.0))
# run: unravel(9)
# expect: ((2, 3), (1, 3), (0, 2, 1))
def unravel(n):
    m = np.arange(12.0).reshape(3, 4) * (n - 5)
    idx = np.argmax(m)
    return np.unravel_index(idx, m.shape), np.unravel_index(7, (3, 4)), np.unravel_index(n, (2, 3, 4))
# run: unravel_out(12)
# expect-error: line 29: ValueError: index 12 is out of bounds for array with size 12
def unravel_out(n):
    return np.unravel_index(n, (3, 4))

# sum() of arrays (a generator of them): the total starts at 0 + the first, as NumPy computes it
# run: array_sums(3)
# expect: ([[3, 3, 3], [12, 12, 12]], [3, 5, 7], [3, 0], [[3, 3, 3, 4], [3, 3, 2, 3], [3, 2, 3, 3], [4, 3, 3, 3]], [6.0, 9.0])
def array_sums(n):
    a = np.arange(6).reshape(2, 3)
    s = sum(np.roll(a, k, 1) for k in range(n))
    t = sum(a[i] for i in range(2))
    b = np.array([True, False])
    u = sum(b for _ in range(3))
    g = (np.arange(16).reshape(4, 4) % 3 == 0).astype(np.int64)
    live = sum(np.roll(np.roll(g, i, 0), j, 1) for i in (-1, 0, 1) for j in (-1, 0, 1) if (i, j) != (0, 0))
    return s, t, u, live, sum(np.arange(6.0).reshape(3, 2))

# cpython: skip (Python's sum of nothing is the int 0; kiln's sum of arrays needs one)
# run: no_arrays(0)
# expect-error: line 49: ValueError: sum() of no arrays: Python gives the int 0 here, which kiln does not mix with arrays
def no_arrays(n):
    a = np.arange(3)
    return sum(a * k for k in range(n))
