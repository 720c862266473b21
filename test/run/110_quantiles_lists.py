# np.percentile / np.quantile at several q (a list, a tuple or an array of them: an array of results of q's shape,
# each NumPy's 'linear' lerp), along one axis, and np.digitize / np.searchsorted of a list of values (NumPy's asarray of it)
import numpy as np

# run: several(0)
# expect: ([3.420358449236301, 9.590169943749475, 17.564428997263867], [0.9, 5.125120663767819], [0.9, 23.064675298172567])
def several(n):
    a = np.arange(10.0) ** 1.5
    return np.percentile(a, [25, 50, 75]), np.quantile(a, np.array([0.1, 0.33])), np.percentile(a, (10, 90))

# run: shaped(0)
# expect: ([[0.5, 5.0], [9.5, 10.0]], 3.0, 3.7)
def shaped(n):
    a = np.arange(11)
    return np.percentile(a, [[5, 50], [95, 100]]), np.quantile(a, 0.3), np.percentile(a, 37)

# along an axis: each lane's lerp; of several q, q's shape first (NumPy's layout), a lane with a NaN gives NaN
# run: along(0)
# expect: ([7.0, 8.0, 7.0, 6.0], [1.5, 1.5, 4.5, 2.5, 4.75], [[0.6000000000000001, 0.6000000000000001, 3.6, 1.6, 2.5], [5.4, 8.4, 8.4, 8.5, 9.4]], [[[[0.30000000000000004, 0.6000000000000001, 1.6], [0.6000000000000001, 1.6, 0.6000000000000001]], [[2.0, 3.0, 4.0], [3.0, 3.5, 2.5]]], [[[2.5999999999999996, 3.5999999999999996, 4.6], [3.5999999999999996, 3.8, 2.8]], [[5.0, 6.0, 6.0], [5.0, 6.0, 5.0]]]], [[5.0, 4.0, 2.0, 1.0], [3.0, 1.0, 5.0, 4.0]], [4.800000000000001, nan, 3.6, 3.8000000000000003], [3.5999999046325684, 2.5999999046325684, 3.200000047683716, 2.5999999046325684], 2.0)
def along(n):
    a = (np.arange(20.0) * 7 % 11).reshape(4, 5)
    b = (np.arange(24) * 5 % 7).reshape(2, 3, 4)
    c = a.copy()
    c[1, 2] = np.nan
    return (np.percentile(a, 75, axis=1), np.quantile(a, 0.25, axis=0), np.percentile(a, [10, 90], axis=0),
            np.percentile(b, np.array([[10, 50], [60, 100]]), axis=2), np.quantile(b, 0.5, axis=1), np.percentile(c, 40, axis=-1),
            np.quantile(a.astype(np.float32), 0.3, axis=1), np.percentile(np.arange(5.0), 50, axis=0))

# run: with_nan(0)
# expect: [nan, nan]
def with_nan(n):
    return np.percentile(np.array([3.0, np.nan, 1.0]), [10, 50])

# run: out_of_range(0)
# expect: ('Percentiles must be in the range [0, 100]', 'Quantiles must be in the range [0, 1]', [], (0,))
def out_of_range(n):
    m1 = ""
    m2 = ""
    try:
        np.percentile(np.arange(3.0), [10, 150])
    except ValueError as e:
        m1 = str(e)
    try:
        np.quantile(np.arange(3.0), np.array([0.5, np.nan]))
    except ValueError as e:
        m2 = str(e)
    e = np.percentile(np.arange(3.0), np.zeros(0))
    return m1, m2, e, e.shape

# run: randoms(5)
# expect: True
def randoms(seed):
    np.random.seed(seed)
    a = np.random.random(101)
    qs = np.random.random(7)
    r = np.quantile(a, qs)
    ok = True
    for k in range(7):
        ok = ok and r[k] == np.quantile(a, qs[k])
    return ok

# run: searches(0)
# expect: ([0, 2, 3, 4], [1, 3], [1, 1, 2])
def searches(n):
    bins = [0.0, 1.0, 2.0, 3.0]
    return np.digitize([-1.0, 1.5, 2.0, 3.5], bins), np.searchsorted(np.array(bins), [0.5, 2.5]), np.digitize((0.5, 1.0, 1.5), np.array([0.25, 1.0]), right=True)
