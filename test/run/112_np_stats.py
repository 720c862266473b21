# np.cov and np.corrcoef (NumPy's steps: float64 rows, the mean taken off, dot(X, X.T) times 1 / fact, the
# correlations divided by the deviations and clipped), np.fill_diagonal (NumPy's flat positions, wrap, a value
# list repeated) and np.array_equal
import numpy as np

# run: pairs(0)
# expect: (5.925500364380521, [[5.925500364380521, -1.007158461932958], [-1.007158461932958, 0.46746902278421903]], [[1.0, -0.6051441965973563], [-0.6051441965973563, 1.0]], 1.0, 4.740400291504417, 7.900667152507361)
def pairs(n):
    x = np.arange(5.0) ** 1.3
    y = np.sin(np.arange(5.0))
    return np.cov(x), np.cov(x, y), np.corrcoef(x, y), np.corrcoef(x), np.cov(x, bias=True), np.cov(x, ddof=2)

# run: matrix(3)
# expect: ([[0.06811182334383818, -0.0033135823288329555, 0.009344597589593379, 0.017551077819592295], [-0.0033135823288329555, 0.05944830774422028, -0.006682181781702529, -0.003651192626800688], [0.009344597589593379, -0.006682181781702529, 0.08080101466790537, -0.007911433731328533], [0.017551077819592295, -0.003651192626800688, -0.007911433731328533, 0.08308909332134173]], [[1.0, -0.05207349943130712, 0.12596240482753276, 0.23330311029763376], [-0.052073499431307124, 1.0, -0.09641400651422043, -0.05195088945165449], [0.1259624048275328, -0.09641400651422041, 1.0, -0.09655500205568114], [0.23330311029763376, -0.0519508894516545, -0.09655500205568114, 0.9999999999999998]])
def matrix(seed):
    np.random.seed(seed)
    m = np.random.random((4, 30))
    return np.cov(m), np.corrcoef(m)

# run: matrix_t(3)
# expect: ([[0.06811182334383818, -0.0033135823288329555, 0.009344597589593379, 0.017551077819592295], [-0.0033135823288329555, 0.05944830774422028, -0.006682181781702529, -0.003651192626800688], [0.009344597589593379, -0.006682181781702529, 0.08080101466790537, -0.007911433731328533], [0.017551077819592295, -0.003651192626800688, -0.007911433731328533, 0.08308909332134173]], [[1.0, -0.05207349943130712, 0.12596240482753276, 0.23330311029763376], [-0.052073499431307124, 1.0, -0.09641400651422043, -0.05195088945165449], [0.1259624048275328, -0.09641400651422041, 1.0, -0.09655500205568114], [0.23330311029763376, -0.0519508894516545, -0.09655500205568114, 0.9999999999999998]], [[0.06811182334383818, -0.0033135823288329555, 0.009344597589593379, 0.017551077819592295], [-0.0033135823288329555, 0.05944830774422028, -0.006682181781702529, -0.003651192626800688], [0.009344597589593379, -0.006682181781702529, 0.08080101466790537, -0.007911433731328533], [0.017551077819592295, -0.003651192626800688, -0.007911433731328533, 0.08308909332134173]], [[0.0658414292323769, -0.0032031295845385234, 0.009033111003273598, 0.01696604189227255], [-0.0032031295845385234, 0.057466697486079604, -0.006459442388979111, -0.0035294862059073316], [0.009033111003273598, -0.006459442388979111, 0.07810764751230853, -0.007647719273617582], [0.01696604189227255, -0.0035294862059073316, -0.007647719273617582, 0.08031945687729701]])
def matrix_t(seed):
    np.random.seed(seed)
    m = np.random.random((4, 30))
    return np.cov(m.T, rowvar=False), np.corrcoef(m.T, rowvar=False), np.cov(m[:2], m[2:]), np.cov(m, ddof=0)

# run: columns(3)
# expect: ([[0.03479694157505266, 0.011415346654755743, 0.038854063187083454], [0.011415346654755743, 0.1314092249089256, 0.037361525607534335], [0.038854063187083454, 0.037361525607534335, 0.08750822317182404]], [[1.0, 0.1688129038920271, 0.7041115563071079], [0.1688129038920271, 1.0, 0.34840729683941707], [0.7041115563071079, 0.34840729683941707, 1.0]], [[0.03479694157505266, 0.011415346654755743], [0.011415346654755743, 0.1314092249089256]])
def columns(seed):
    np.random.seed(seed)
    m = np.random.random((6, 3))
    return np.cov(m, rowvar=False), np.corrcoef(m, rowvar=False), np.cov(m[:, 0], m[:, 1])

# run: edges(0)
# expect: ([[1.0, 0.5], [0.5, 4.333333333333334]], [[1.0, nan], [nan, nan]], (0, 0), nan, 1.6666666666666665)
def edges(n):
    e = np.cov(np.zeros((0, 3)))
    return np.cov(np.arange(3), np.array([1, 5, 2])), np.corrcoef(np.arange(4.0), np.ones(4)), e.shape, np.cov(np.ones(1)), np.cov(np.arange(4, dtype=np.float32))

# cpython: skip (NumPy squeezes the 1 x 1 result to a 0-d array, a type kiln cannot give where rows are counted when it runs)
# run: one_row(0)
# expect-error: line 44: NotImplementedError: numpy.cov() of one variable in a 2-d array: NumPy gives a 0-d array, which kiln's result type cannot be here (pass the variable as a 1-d array)
def one_row(n):
    return np.cov(np.ones((1, 4)))

# run: diagonals(0)
# expect: ([[5.0, 0.0, 0.0, 0.0], [0.0, 5.0, 0.0, 0.0], [0.0, 0.0, 5.0, 0.0]], [[7, 0], [0, 7], [0, 0], [7, 0], [0, 7]], 1.5, [[1.0, 0.0, 0.0], [0.0, 2.0, 0.0], [0.0, 0.0, 1.0]], [[9.0, 0.0], [0.0, 9.0], [0.0, 0.0], [0.0, 0.0], [0.0, 0.0], [0.0, 0.0]], [[2, 0], [0, 2]])
def diagonals(n):
    a = np.zeros((3, 4))
    np.fill_diagonal(a, 5.0)
    b = np.zeros((5, 2), dtype=np.int64)
    np.fill_diagonal(b, 7, wrap=True)
    c = np.zeros((3, 3, 3))
    np.fill_diagonal(c, 1.5)
    d = np.zeros((3, 3))
    np.fill_diagonal(d, [1.0, 2.0])
    e = np.zeros((6, 2))
    np.fill_diagonal(e, 9.0)
    f = np.zeros((2, 2), dtype=np.int32)
    np.fill_diagonal(f, 2.7)
    return a, b, c[1, 1, 1] + c[0, 1, 1], d, e, f

# run: unequal_dims(0)
# expect-error: line 67: ValueError: All dimensions of input must be of equal length
def unequal_dims(n):
    c = np.zeros((3, 3, 2))
    np.fill_diagonal(c, 1.0)
    return c

# run: equal(0)
# expect: (True, False, False, True, False, True, True)
def equal(n):
    a = np.array([1.0, np.nan])
    return (np.array_equal(np.arange(3), np.arange(3)), np.array_equal(np.arange(3), np.arange(4)),
            np.array_equal(a, a), np.array_equal(a, a, equal_nan=True), np.array_equal(np.ones((2, 2)), np.ones(4)),
            np.array_equal([1, 2], (1, 2)), np.array_equal(np.arange(3), np.arange(3.0), equal_nan=True))

# run: weighted(1)
# expect: (4.666666666666667, 2.6666666666666665, 1.5, 1.25, 4.5, 4.666666666666667)
def weighted(n):
    a = np.arange(10.0)
    w = np.arange(10.0) % 3
    return (np.average(a, weights=w), np.average(np.arange(5), weights=np.array([1, 2, 3, 4, 5])),
            np.average(np.arange(4, dtype=np.float32), weights=np.ones(4, dtype=np.float32)),
            np.average([1.0, 2.0], weights=[3.0, 1.0]), np.average(a), np.average(a.reshape(2, 5), weights=w.reshape(2, 5)))

# run: weights_zero(0)
# expect-error: line 90: ZeroDivisionError: Weights sum to zero, can't be normalized
def weights_zero(n):
    return np.average(np.arange(3.0), weights=np.zeros(3))

# run: weights_shape(0)
# expect-error: line 95: TypeError: Axis must be specified when shapes of a and weights differ.
def weights_shape(n):
    return np.average(np.arange(3.0), weights=np.ones(4))

# run: fits(0)
# expect: ([1.000000000000001, 0.9999999999999961, 1.000000000000006], [5.000000000000001, -0.9999999999999978], [9.0], [[5.000000000000001, 10.000000000000002], [-0.9999999999999978, -1.9999999999999956]])
def fits(n):
    x = np.array([0.0, 1.0, 2.0, 3.0, 4.0])
    y = np.array([1.0, 3.0, 7.0, 13.0, 21.0])
    return np.polyfit(x, y, 2), np.polyfit(x, y, 1), np.polyfit(x, y, 0), np.polyfit(x, np.stack((y, 2 * y), axis=1), 1)

# run: fits_random(2)
# expect: ([-1.1182913584288854, -2.3674713302347885, 3.4965213626242067, -0.023453140178244767], [-0.9180594582878753, -2.662305601185369, 3.627762106999845, -0.03996694123577787], [-3.8892802989670128, 4.050710041391503, -0.06697522782352075], [1.0, 1.1225585735655539e-16], [[-3.9602719014242025, -5.288744737890938], [4.123613761734863, 5.39718706052675], [-0.08285744774974788, -0.4361234797354552]], [0.0017137043381685439, -0.00952768246399906, 0.017795488449730754])
def fits_random(n):
    np.random.seed(n)
    x = np.random.random(20)
    y = np.sin(3 * x)
    w = np.random.random(20)
    return (np.polyfit(x, y, 3), np.polyfit(x, y, 3, w=w), np.polyfit(x, y, 2, rcond=1e-3), np.polyfit(np.arange(4), np.arange(4), 1),
            np.polyfit(x, np.stack((y, y * y), axis=1), 2, w=w), np.polyfit(x, y, 25)[:3])

# run: fit_errors(0)
# expect: ('expected deg >= 0', 'expected x and y to have same length', 'expected non-empty vector for x')
def fit_errors(n):
    a = ""
    b = ""
    c = ""
    try:
        np.polyfit(np.arange(3.0), np.arange(3.0), n - 1)
    except ValueError as e:
        a = str(e)
    try:
        np.polyfit(np.arange(3.0), np.arange(4.0), 1)
    except TypeError as e:
        b = str(e)
    try:
        np.polyfit(np.zeros(0), np.zeros(0), 1)
    except TypeError as e:
        c = str(e)
    return a, b, c
