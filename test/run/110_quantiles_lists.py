# np.percentile / np.quantile at several q (a list, a tuple or an array of them: an array of results of q's shape,
# each NumPy's 'linear' lerp), and np.digitize / np.searchsorted of a list of values (NumPy's asarray of it)
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
