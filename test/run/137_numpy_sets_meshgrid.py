# np.union1d, intersect1d, setdiff1d, setxor1d (NumPy's steps on unique(): NaNs, dtypes), np.sinc, np.fix,
# np.meshgrid of 1 to 4 arrays with indexing='xy' or 'ij', np.histogram(range=(lo, hi))
import numpy as np

# run: set_ops(1)
# expect: ([1.0, 2.0, 3.0], [1, 3], [1, 5], [1, 4], [1, 2, 3], [], [1.0], [1.0, nan], [2.0, nan], [0, 4])
def set_ops(n):
    return (np.union1d(np.array([1, 3]), np.array([2.0, 1.0])), np.intersect1d(np.array([1, 2, 3, 3]), np.array([3, 1, 5])),
            np.setdiff1d(np.array([5, 1, 2, 5]), np.array([2])), np.setxor1d(np.array([1, 2, 3]), np.array([2, 3, 4])),
            np.union1d([3, 1], [2]), np.setxor1d(np.array([1.0]), np.array([1.0])),
            np.intersect1d(np.array([np.nan, 1.0]), np.array([np.nan, 1.0])), np.union1d(np.array([np.nan, 1.0]), np.array([np.nan])),
            np.setdiff1d(np.array([np.nan, 2.0]), np.array([np.nan])), np.intersect1d(np.arange(6).reshape(2, 3), np.array([4, 0])))

# run: sinc_fix(1)
# expect: (0.6366197723675814, [1.0, 3.8981718325193755e-17, -3.8981718325193755e-17], 1.0, [0.9003163161571061, 1.0, -0.09094568176679733], 2.0, -2.0, 3, [-1.0, 0.0, -0.0, inf], [3, -4])
def sinc_fix(n):
    return (np.sinc(0.5), np.sinc(np.array([0, 1, 2])), np.sinc(0), np.sinc(np.array([-0.25, 1e-30, 3.5])),
            np.fix(2.5), np.fix(-2.5), np.fix(3), np.fix(np.array([-1.5, 0.5, -0.0, np.inf])), np.fix(np.array([3, -4])))

# run: grids(1)
# expect: ([[0, 1], [0, 1], [0, 1]], [[0.0, 0.0], [1.0, 1.0], [2.0, 2.0]], [[0, 0, 0], [1, 1, 1]], [[0, 1, 2], [0, 1, 2]], (3, 2, 4), 1, 3, [0, 1, 2], (2, 3, 4), 2, 3)
def grids(n):
    x, y = np.meshgrid(np.arange(2), np.arange(3.0))
    a, b = np.meshgrid(np.arange(2), np.arange(3), indexing='ij')
    p, q, r = np.meshgrid(np.arange(2), np.arange(3), np.arange(4))
    (s,) = np.meshgrid(np.arange(3))
    u, v, w = np.meshgrid(np.arange(2), np.arange(3), np.arange(4), indexing='ij')
    return x, y, a, b, p.shape, q[1, 0, 2], r[0, 1, 3], s, u.shape, v[1, 2, 0], w[1, 1, 3]

# run: ranged(1)
# expect: ([1, 0, 2, 2], [0.0, 0.25, 0.5, 0.75, 1.0], [1, 1, 2], [0.0, 3.3333333333333335, 6.666666666666667, 10.0], [0, 0, 1, 0, 0], [1.5, 1.7, 1.9, 2.1, 2.3, 2.5])
def ranged(n):
    a = np.array([0.1, 0.5, 0.7, 0.9, -3.0, 1.0, 2.0])
    h, e = np.histogram(a, bins=4, range=(0.0, 1.0))
    h2, e2 = np.histogram(np.array([1, 5, 7, 10]), 3, (0, 10))
    h3, e3 = np.histogram(a, 5, range=(2.0, 2.0))
    return h, e, h2, e2, h3, e3

# run: range_reversed(1)
# expect-error: line 42: ValueError: max must be larger than min in range parameter.
def range_reversed(n):
    return np.histogram(np.array([1.0]), 2, range=(3.0, 1.0))

# run: range_infinite(1)
# expect-error: line 47: ValueError: supplied range of [0.0, inf] is not finite
def range_infinite(n):
    return np.histogram(np.array([1.0]), 2, range=(0.0, np.inf))
