# NumPy's polynomial functions on coefficient arrays (highest power first): np.polyadd, np.polysub, np.polymul,
# np.polyder, np.polyint (NumPy's steps: padding, convolve, the int arange of powers, true division and the
# constants k), with np.polyval, np.polyfit and np.vander (lower/nppoly.c).
import numpy as np


# run: arith(3)
# expect: ([1.0, 4.0, 2.0], [-1.0, 0.0, -4.0], [4, 6], [2.0, 3.0, 4.0, -3.0], [1, 0, -1], [0.25, 0.5, 2.25])
def arith(n):
    a = np.arange(1.0, n + 1.0)
    b = np.array([2, -1])
    return (np.polyadd(a, b), np.polysub(b, a), np.polyadd([1, 2], [3, 4]), np.polymul(a, b), np.polymul([1, 1], [1, -1]),
            np.polyadd(np.array([1.5]), np.array([0.25, 0.5, 0.75])))


# run: calculus(4)
# expect: ([18.0, 9.0, 3.0], [18, 0], [3, 0, -2, 5], [1.5, 1.5, 1.5, 1.5, 0.0], [0.15, 0.0, -0.3333333333333333, 2.5, 0.0, 0.0], [1.5, 1.5, 1.5, 1.5, 2.0], [0.024999999999999998, 0.0, -0.08333333333333333, 0.8333333333333334, 0.5, 2.0, 3.0], [0.15, 0.0, -0.3333333333333333, 2.5, 4.0, 4.0], [6.0, 4.5, 3.0, 1.5], 18.0, [[1.0, 1.0, 1.0], [4.0, 2.0, 1.0], [9.0, 3.0, 1.0]])
def calculus(n):
    p = np.arange(n, 0, -1) * 1.5
    q = np.array([3, 0, -2, 5])
    return (np.polyder(p), np.polyder(q, 2), np.polyder(q, 0), np.polyint(p), np.polyint(q, 2), np.polyint(p, k=2.0),
            np.polyint(q, 3, k=[1.0, 2.0, 3.0]), np.polyint(q, 2, k=[4.0]), np.polyder(np.polyint(p)),
            np.polyval(np.polyint(q), 2.0), np.vander(np.array([1.0, 2.0, 3.0]), 3))


# run: fit(8)
# expect: ([3.0, -1.0, 0.5], 2.0)
def fit(n):
    x = np.linspace(0.0, 1.0, n)
    y = 3 * x ** 2 - x + 0.5
    c = np.polyfit(x, y, 2)
    return np.round(c, 12), np.round(np.polyval(np.polyder(c), 0.5), 12)


# run: few_constants(3)
# expect-error: line 38: ValueError: k must be a scalar or a rank-1 array of length 1 or >m.
def few_constants(n):
    return np.polyint(np.arange(n * 1.0), 3, k=[1.0, 2.0])
