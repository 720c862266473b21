# NumPy's legacy np.random distributions (npdist.c: RandomState's formulas over random_sample and the legacy Gauss
# stream, each checked draw for draw), np.random.choice with p= (RandomState's checks and its cdf search), the
# nan-functions (nanmax, nanmin, nanargmax, nanargmin, nanprod, nanvar, nanstd: NumPy's steps, float32's divisions in
# double) and np.unique's return_index, return_inverse and return_counts.
import numpy as np


# run: dists(3)
# expect: ([0.07937690952144451, 1.5137586745587868, 0.5769818641565158], [3.213546317052027, 9.540590529487718, 1.9331606922238054], [0.34032778330226116, 1.6555464669061544, 1.6457878871123692], [-1.7242770130829705, -0.9601386263110105, -0.339498265693328], [-0.7030167911121337, 0.7986965912378399, 4.966983705581627], [[-6.3354080822009475, 1.8155055768687172, 6.894337308496225], [-1.4132035603252406, 1.389142401758827, 5.606077026441243]], [4.891055797650434, 1.5992283247366672, 0.3443657320855755], [1.0692653479943781, 0.7354012819410958, 0.3745466479443665], [0.25225902690150326, 0.16798022581218142, 0.24149178867131593], [0.7152375925026538, 0.9427586062227015, 0.9160286863086392], [1.7363637686179436, 2.6078254686463547, 1.6075612217378736], [1.1881108188629201, 1.029687891644161, 1.5662624984602478], 0.4625928895159349, 0.0, -0.042677671331571305)
def dists(n):
    np.random.seed(7)
    return (np.random.standard_exponential(n), np.random.exponential(2.5, n), np.random.lognormal(0.5, 2.0, n),
            np.random.standard_cauchy(n), np.random.laplace(1.0, 2.0, n), np.random.logistic(1.0, 2.0, (2, n)),
            np.random.gumbel(1.0, 2.0, n), np.random.weibull(1.5, n), np.random.pareto(3.0, n), np.random.power(3.0, n),
            np.random.rayleigh(2.0, n), np.random.triangular(0.0, 1.0, 3.0, n), np.random.exponential(),
            np.random.weibull(0.0), np.random.laplace(scale=0.5))


# run: dist_errors(1)
# expect: ['scale < 0', 'a <= 0', 'left > mode', 'left == right', 'sigma < 0']
def dist_errors(n):
    out = []
    for k in range(5):
        try:
            if k == 0:
                np.random.exponential(-1.0)
            elif k == 1:
                np.random.pareto(0.0, n)
            elif k == 2:
                np.random.triangular(2.0, 1.0, 3.0)
            elif k == 3:
                np.random.triangular(1.0, 1.0, 1.0)
            else:
                np.random.lognormal(0.0, -1.0, n)
        except ValueError as e:
            out.append(str(e))
    return out


# run: weighted(5)
# expect: ([2, 2, 2, 2, 1], [[20.0, 10.0, 30.0], [30.0, 10.0, 30.0]], 2, [2, 2, 1], [0, 0, 2, 2], [1, 5])
def weighted(n):
    np.random.seed(0)
    a = np.array([10.0, 20.0, 30.0])
    return (np.random.choice(3, n, p=[0.2, 0.3, 0.5]), np.random.choice(a, (2, 3), p=np.array([0.5, 0.25, 0.25])),
            np.random.choice(4, p=[0.1, 0.2, 0.3, 0.4]), np.random.choice([1, 2], 3, True, [0.5, 0.5]),
            np.random.choice(3, 4, p=np.array([0.2, 0.3, 0.5], dtype=np.float32)), np.random.choice([1, 2, 5], 2))


# run: weighted_errors(3)
# expect: ["'a' and 'p' must have same size", 'probabilities do not sum to 1', 'probabilities are not non-negative', 'probabilities contain NaN']
def weighted_errors(n):
    out = []
    ps = [[0.5, 0.5], [0.2, 0.3, 0.4], [1.5, -0.5, 0.0], [0.5, np.nan, 0.5]]
    for p in ps:
        try:
            np.random.choice(n, 2, p=p)
        except ValueError as e:
            out.append(str(e))
    return out


# run: nans(1)
# expect: (7.25, -2.0, 3, 2, -10.875, 11.48046875, 3.38828404210745, 15.307291666666666, 3.3882839679718018, 11.48046875, 3, nan, nan, -2.0, 24)
def nans(n):
    a = np.array([1.5, np.nan, -2.0, 7.25, np.nan, 0.5])
    f = a.astype(np.float32)
    return (np.nanmax(a), np.nanmin(a), np.nanargmax(a), np.nanargmin(a), np.nanprod(a), np.nanvar(a), np.nanstd(a),
            np.nanvar(a, ddof=1), np.nanstd(f), np.nanvar(f), np.nanmax(np.arange(4)), np.nanmax(np.full(3, np.nan)),
            np.nanvar(np.array([np.nan, 1.0]), ddof=1), np.nanmin(f), np.nanprod(np.arange(1, 5)))


# run: all_nan(2)
# expect-error: line 76: ValueError: All-NaN slice encountered
def all_nan(n):
    return np.nanargmax(np.full(n, np.nan))


# run: uniques(1)
# expect: (([1.0, 2.0, 3.0, nan], [2, 1, 2, 2]), ([1, 2, 5], [4, 1, 0]), ([1, 2, 5], [2, 1, 2, 2, 0]), ([1, 2, 5], [4, 1, 0], [2, 1, 2, 2, 0], [1, 1, 3]), ([1.0, 2.0, 3.0, nan], [1, 4, 0, 2], [2, 1, 2, 2]), [1, 2, 5], ([1, 2], [2, 2]))
def uniques(n):
    a = np.array([3.0, 1.0, np.nan, 3.0, 2.0, np.nan, 1.0])
    b = np.array([5, 2, 5, 5, 1])
    return (np.unique(a, return_counts=True), np.unique(b, return_index=True), np.unique(b, return_inverse=True),
            np.unique(b, True, True, True), np.unique(a, return_index=True, return_counts=True), np.unique(b),
            np.unique(np.array([[2, 1], [1, 2]]), return_counts=True))


# run: medians(1)
# expect: ([4.4, 5.5, nan, 7.700000000000001], [1.6500000000000001, nan, 10.45], [1.6500000000000001, nan, 10.45], [[1.0, 2.0, 3.0, 3.0], [5.0, 3.0, 1.0, 2.0]], [[1.5, 4.5, 2.5], [3.0, 3.5, 1.5]], 2.0, [4.400000095367432, 5.5, nan, 7.699999809265137], [[2.5, 3.5, 1.0, 2.0], [3.0, 4.0, 5.0, 2.5], [3.5, 1.0, 2.0, 3.0]])
def medians(n):
    a = np.arange(12.0).reshape(3, 4) * 1.1
    a[1, 2] = np.nan
    b = np.arange(24).reshape(2, 3, 4) % 7
    return (np.median(a, axis=0), np.median(a, axis=1), np.median(a, axis=-1), np.median(b, axis=1),
            np.median(b, axis=2), np.median(np.arange(5.0), axis=0), np.median(a.astype(np.float32), axis=0),
            np.median(b, axis=0))


# run: gammas(4)
# expect: ([5.896716657180236, 1.7722687948794644, 2.1544948864726035, 1.7294151217267337], [0.49885630851518664, 1.359913483638896, 0.011073366489332987, 6.0050467675531706e-05], [2.9309261037469696, 3.9255918525181053, 2.104794919669736, 2.4489863839068597], [6.884608690818894, 10.818387993562009, 8.425234760004884, 3.48436313504587], [0.48438599961971895, 0.6156965289988454, 0.4209499640467898, 0.39159772576020746], [0.6188499878176554, 0.0852712758273968, 0.9654541984027615, 0.0006234006504115621], 0.3566063883323707, 0.0, [[1.7146787623942847, 1.562420755781691], [1.8044743674952834, 0.5381586860782948]])
def gammas(n):
    np.random.seed(11)
    return (np.random.standard_gamma(2.5, n), np.random.standard_gamma(0.4, n), np.random.gamma(3.0, 2.0, n),
            np.random.chisquare(5.0, n), np.random.beta(2.0, 3.0, n), np.random.beta(0.5, 0.7, n), np.random.gamma(1.0),
            np.random.standard_gamma(0.0), np.random.gamma(shape=2.0, scale=0.5, size=(2, 2)))


# run: gamma_errors(1)
# expect: ['shape < 0', 'scale < 0', 'df <= 0', 'b <= 0']
def gamma_errors(n):
    out = []
    for k in range(4):
        try:
            if k == 0:
                np.random.standard_gamma(-1.0)
            elif k == 1:
                np.random.gamma(1.0, -2.0, n)
            elif k == 2:
                np.random.chisquare(0.0)
            else:
                np.random.beta(1.0, 0.0)
        except ValueError as e:
            out.append(str(e))
    return out


# run: edge_parameters(1)
# expect: ['scale < 0', 'ok', 'ok', 'a < 0', 'ok', 'sigma < 0', 'ok']
def edge_parameters(k):
    out = []
    for i in range(7):
        try:
            if i == 0:
                np.random.exponential(-0.0)
            elif i == 1:
                np.random.exponential(np.nan)
            elif i == 2:
                np.random.pareto(np.nan)
            elif i == 3:
                np.random.weibull(-0.0)
            elif i == 4:
                np.random.beta(np.nan, 1.0)
            elif i == 5:
                np.random.lognormal(0.0, -0.0)
            else:
                np.random.gamma(2.0, 0.0)
            out.append("ok")
        except ValueError as e:
            out.append(str(e))
    return out
