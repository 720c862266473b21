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

# Generator.shuffle (NumPy's Fisher-Yates with masked-rejection draws), permutation, and choice (integers() with
# replacement; Floyd's sample, shuffled or not, and the tail shuffle of a large population without)
# run: permutations(7)
# expect: ([8, 0, 7, 1, 3, 6, 2, 4, 5, 9], [[3.0, 4.0, 5.0], [6.0, 7.0, 8.0], [0.0, 1.0, 2.0], [9.0, 10.0, 11.0]], [4.5, 3.5, 1.5, 5.5, 2.5], [12, 3, 18, 9, 0, 6, 15], [2, 4, 0, 3, 1, 5, 6], [2, 0, 4, 8, 6], [[0, 1], [4, 5], [2, 3]], [0.5, 2.5, 1.5], [], 0.6125396042730308)
# run: permutations(123456789)
# expect: ([7, 4, 0, 5, 3, 8, 2, 1, 6, 9], [[9.0, 10.0, 11.0], [3.0, 4.0, 5.0], [0.0, 1.0, 2.0], [6.0, 7.0, 8.0]], [1.5, 3.5, 2.5, 4.5, 5.5], [0, 12, 9, 3, 6, 18, 15], [5, 6, 2, 1, 0, 4, 3], [4, 8, 2, 6, 0], [[4, 5], [2, 3], [0, 1]], [1.5, 0.5, 2.5], [], 0.45946087145290726)
def permutations(seed):
    rng = np.random.default_rng(seed)
    a = np.arange(10)
    rng.shuffle(a)
    b = np.arange(12.0).reshape(4, 3)
    rng.shuffle(b)
    xs = [1.5, 2.5, 3.5, 4.5, 5.5]
    rng.shuffle(xs)
    v = np.arange(20)[::3]
    rng.shuffle(v)
    p1 = rng.permutation(7)
    p2 = rng.permutation(np.arange(5) * 2)
    p3 = rng.permutation(np.arange(6).reshape(3, 2))
    p4 = rng.permutation([0.5, 1.5, 2.5])
    return a, b, xs, v, p1, p2, p3, p4, rng.permutation(-2), rng.random()

# run: choices(7)
# expect: (9, [6, 6, 8, 5, 7], [[8, 2, 0], [3, 2, 8]], [2, 8, 0, 14, 15], [4, 5, 17, 13, 19], [27.0, 12.0, 12.0, 15.0], [[2, 3], [2, 3]], [2, 3], 4, [5, 1, 1], [], [], 0.9889601476818849)
# run: choices(2024)
# expect: (2, [6, 0, 2, 3, 3], [[9, 7, 9], [9, 0, 1]], [3, 2, 13, 18, 1], [9, 13, 11, 18, 2], [12.0, 15.0, 18.0, 0.0], [[0, 1], [2, 3]], [0, 1], 4, [1, 1, 4], [], [], 0.3253496550827225)
def choices(seed):
    rng = np.random.default_rng(seed)
    c1 = rng.choice(10)
    c2 = rng.choice(10, 5)
    c3 = rng.choice(10, (2, 3))
    c4 = rng.choice(20, 5, replace=False)
    c5 = rng.choice(20, 5, replace=False, shuffle=False)
    c6 = rng.choice(np.arange(10.0) * 3, 4)
    c7 = rng.choice(np.arange(6).reshape(3, 2), 2)
    c8 = rng.choice(np.arange(6).reshape(3, 2))
    c9 = rng.choice(5, replace=False)
    c10 = rng.choice([3, 1, 4, 1, 5], 3)
    return c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, rng.choice(0, size=0), rng.integers(0, 0, size=0), rng.random()

# run: large_samples(11)
# expect: (9862802, [15148, 11237, 12942, 13198, 9861], 1057734, [12380, 7887, 19043, 10202, 3166], [11530, 12821, 17983, 17075, 2185], [46898, 61679, 6971, 72593, 30074], 93340, 270)
def large_samples(seed):
    rng = np.random.default_rng(seed)
    a = rng.choice(20000, 1000, replace=False)
    b = rng.choice(20000, 100, replace=False)
    c = rng.choice(20000, 1000, replace=False, shuffle=False)
    d = rng.permutation(100000)
    return a.sum(), a[:5], b.sum(), b[:5], c[:5], d[:5], int((d * np.arange(100000)).sum() % 1000003), rng.integers(1000)

# run: choice_too_many(1)
# expect-error: line 150: ValueError: Cannot take a larger sample than population when replace is False
def choice_too_many(seed):
    rng = np.random.default_rng(seed)
    return rng.choice(3, 4, replace=False)

# run: choice_empty(1)
# expect-error: line 156: ValueError: a cannot be empty unless no samples are taken
def choice_empty(seed):
    rng = np.random.default_rng(seed)
    return rng.choice(np.zeros(0), 2)

# run: choice_nonpositive(0)
# expect-error: line 162: ValueError: a must be a positive integer unless no samples are taken
def choice_nonpositive(n):
    rng = np.random.default_rng(1)
    return rng.choice(n)
