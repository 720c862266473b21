# math.hypot and math.dist as CPython 3.11 computes them (its vector_norm: scaled, exactly squared, compensated sum,
# one correction of the root): libm's hypot, which np.hypot is, differs in the last bit for about 1 pair in 800
# (the first two values here); hypot of any number of values; dist of tuples, lists and arrays
import math
import numpy as np

# run: pairs(-0.33372600380413486, -0.09960958653833947)
# expect: (0.34827448276527007, 0.34827448276527, 0.34827448276527007, 0.33372600380413486, 5.0)
# run: pairs(0.6188421885671495, -1.5960534456894047)
# expect: (1.7118271688016875, 1.7118271688016873, 1.7118271688016875, 0.6188421885671495, 5.0)
# run: pairs(3.0, 4.0)
# expect: (5.0, 5.0, 5.0, 3.0, 5.0)
# run: pairs(1e308, 1e308)
# expect: (1.4142135623730951e+308, 1.4142135623730951e+308, 1.4142135623730951e+308, 1e+308, 5.0)
# run: pairs(5e-324, -1e-310)
# expect: (1e-310, 1e-310, 1e-310, 5e-324, 5.0)
# run: pairs(inf, nan)
# expect: (inf, inf, inf, inf, 5.0)
# run: pairs(nan, 2.0)
# expect: (nan, nan, nan, nan, 5.0)
# run: pairs(-0.0, 0.0)
# expect: (0.0, 0.0, 0.0, 0.0, 5.0)
def pairs(x, y):
    return math.hypot(x, y), float(np.hypot(x, y)), math.hypot(y, x), math.hypot(x, 0.0), math.hypot(3, 4)

# run: many(0.3864994937442246, 0.12356915695720036, -7.25)
# expect: (7.261346376204323, 0.3864994937442246, 0.0, 7.929472432254254, 14.5)
# run: many(1e-320, 3e-321, 0.0)
# expect: (1.044e-320, 1e-320, 0.0, 3.1622776601683795, 0.0)
def many(a, b, c):
    return math.hypot(a, b, c), math.hypot(a), math.hypot(), math.hypot(a, b, c, -a, 3, True), math.hypot(c, c, c, c)

# run: dists(0.3, 7.0)
# expect: (9.593226777263217, 6.752962312940892, 6.7, 9.593226777263217, 5.048762224545735, 0.0, 1.4142135623730951)
def dists(a, b):
    p = np.array([a, b, 1.0])
    q = np.array([b, a, 2.5])
    return (math.dist((a, b, 1), (b, a, 2.5)), math.dist([a, b], [0.5, 0.25]), math.dist((a,), (b,)), math.dist(p, q),
            math.dist(p[:2], [1.0, 2.0]), math.dist((), ()), math.dist(np.arange(3), np.ones(3, dtype=np.int32)))

# run: rows(5)
# expect: [18.93196396375469, 8.46309058804955, 3.608380268661454, 14.669467376993705, 25.78008870382035]
def rows(n):
    a = np.linspace(-3.0, 7.0, 3 * n).reshape(n, 3)
    out = []
    for i in range(n):
        out.append(math.dist(a[i], a[n - 1 - i]) + math.hypot(a[i, 0], a[i, 1], a[i, 2]))
    return out

# run: mismatch(0)
# expect-error: line 56: ValueError: both points must have the same number of dimensions
# run: mismatch(1)
# expect-error: line 57: ValueError: both points must have the same number of dimensions
def mismatch(k):
    if k == 0:
        return math.dist((1.0, 2.0), (1.0,))
    return math.dist([1.0, 2.0], [float(k)])
