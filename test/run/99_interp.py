# np.interp as NumPy's arr_interp computes it (the interval by xp[j] <= x < xp[j + 1], the slope's formula, the
# other end where it gives a NaN, left/right, NaN x, one sample point), np.flatnonzero, and
# np.linalg.matrix_power of a float matrix to a negative power (NumPy's: the inverse's powers).
import numpy as np

# run: interps(5)
# expect: (15.0, [0.0, 0.0, 0.0, 5.0, 10.0, 15.0, 20.0, 13.75, 7.5, 1.25, -5.0, -5.0, -5.0], [-1.0, -1.0, 0.0, 5.0, 10.0, 15.0, 20.0, 13.75, 7.5, 1.25, -5.0, 99.0, 99.0], [[5.0, 3.7500000000000036]], 20.0, nan, [7.0, 7.0, 7.0, 7.0, 7.0, 7.0, 7.0, 7.0, 7.0, 7.0, 7.0, 7.0, 7.0], inf, inf, 1.0000000149011612)
def interps(n):
    xp = np.array([0.0, 1.0, 2.0, 4.0])
    fp = np.array([0.0, 10.0, 20.0, -5.0])
    x = np.linspace(-1.0, 5.0, 13)
    return (np.interp(1.5, xp, fp), np.interp(x, xp, fp), np.interp(x, xp, fp, left=-1.0, right=99),
            np.interp(np.array([[0.5, 3.3]]), xp, fp), np.interp(2, [1, 3], [10, 30]) if False else np.interp(2.0, np.array([1, 3]), np.array([10, 30])),
            np.interp(np.nan, xp, fp), np.interp(x, np.array([1.0]), np.array([7.0])), np.interp(0.3, xp, np.array([0.0, np.inf, 1.0, 2.0])),
            np.interp(0.5, np.array([0.0, 1.0]), np.array([np.inf, np.inf])), np.interp(np.float32(0.1), xp, fp))

# run: more(5)
# expect: ([[0.5, 0.0], [0.0, 0.25]], [[0.125, 0.0], [0.0, 0.015625]], [1, 2], [0, 2, 4], [1.0, 3.0, 5.0])
def more(n):
    a = np.array([[2.0, 0.0], [0.0, 4.0]])
    return (np.linalg.matrix_power(a, -1), np.linalg.matrix_power(a, -3), np.flatnonzero(np.array([[0, 1], [2, 0]])),
            np.flatnonzero(np.arange(n) % 2 == 0), np.interp(np.arange(3), [0, 2], [1, 5]) if False else np.interp(np.arange(3), np.array([0, 2]), np.array([1, 5])))

# run: interp_empty(0)
# expect-error: line 27: ValueError: array of sample points is empty
def interp_empty(n):
    return np.interp(1.0, np.zeros(n), np.zeros(n))

# run: interp_lengths(2)
# expect-error: line 32: ValueError: fp and xp are not of the same length.
def interp_lengths(n):
    return np.interp(1.0, np.zeros(n), np.zeros(n + 1))
