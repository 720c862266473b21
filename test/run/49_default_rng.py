# NumPy's Generator: np.random.default_rng(seed) and its random(), uniform() and integers() draws, NumPy 2's numbers
# (SeedSequence + PCG64; integers keep half of a 64-bit draw for the next one, between calls too), as values and as
# arrays of a shape, passed to other kernels, with NumPy's errors.
import numpy as np
from numpy.random import default_rng

# run: draws(42, 3)
# expect: (0.7739560485559633, 0.1943921987602617, 433, 8, 5, [0.09417734788764953, 0.9756223516367559, 0.761139701990353], [10, 10, 12], [[1.1281136326755459, 1.4503859378955672, 1.3707980242325812], [1.9267649888486018, 1.6438651200806644, 1.82276161327083]])
# run: draws(1099511627779, 2)
# expect: (0.7736560850714245, 2.9792869010063328, 380, 4, 6, [0.19565188972890957, 0.5657456226457933], [-4, 12], [[1.5614052260662643, 1.1548047770913439], [1.6353640496654098, 1.2175857619759662]])
def draws(seed, n):
    rng = np.random.default_rng(seed)
    a = rng.random()
    b = rng.uniform(-2.0, 3.0)
    c = rng.integers(0, 1000)
    d = rng.integers(10)
    e = rng.integers(5, 7, endpoint=True)
    return a, b, c, d, e, rng.random(n), rng.integers(-5, 17, size=n), rng.uniform(1.0, 2.0, (2, n))

# run: walk(7, 1000)
# expect: 4
def walk(seed, steps):
    rng = default_rng(seed)
    x = 0
    for i in range(steps):
        x += 1 if rng.random() < 0.5 else -1
    return x

def helper(rng, n):
    t = 0
    for i in range(n):
        t += rng.integers(0, 100)
    return t

# run: passes(3)
# expect: (147, 236, [1997445454492781121, 2209234173745574520, 736665719230581320])
def passes(seed):
    rng = np.random.default_rng(seed)
    return helper(rng, 5), helper(rng, 5), rng.integers(0, 2**62, size=3)

# run: monte_carlo(12345, 20000)
# expect: 3.136
def monte_carlo(seed, n):
    rng = np.random.default_rng(seed)
    hits = 0
    for i in range(n):
        x = rng.random()
        y = rng.random()
        if x * x + y * y <= 1.0:
            hits += 1
    return 4.0 * hits / n

# run: shuffle_by_hand(5, 8)
# expect: [6, 2, 3, 1, 4, 0, 7, 5]
def shuffle_by_hand(seed, n):
    rng = np.random.default_rng(seed)
    a = np.arange(n)
    for i in range(n - 1, 0, -1):
        j = rng.integers(0, i + 1)
        t = a[i]
        a[i] = a[j]
        a[j] = t
    return a

# run: two_streams(1)
# expect: (0.5118216247002567, 0.2616121342493164, 75, 10, [])
def two_streams(seed):
    r1 = np.random.default_rng(seed)
    r2 = np.random.default_rng(seed + 1)
    return r1.random(), r2.random(), r1.integers(100), r2.integers(100), r1.random(0)

# run: bad_seed(-1)
# expect-error: line 75: ValueError: expected non-negative integer
def bad_seed(s):
    rng = np.random.default_rng(s)
    return rng.random()

# run: bad_range(5)
# expect-error: line 82: ValueError: low >= high
def bad_range(k):
    rng = np.random.default_rng(0)
    return rng.integers(k, 5)

# run: bad_uniform(0)
# expect-error: line 88: OverflowError: high - low range exceeds valid bounds
def bad_uniform(k):
    rng = np.random.default_rng(k)
    return rng.uniform(0.0, np.inf)

# run: bad_size(-1)
# expect-error: line 94: ValueError: negative dimensions are not allowed
def bad_size(n):
    rng = np.random.default_rng(0)
    return rng.random(n)
