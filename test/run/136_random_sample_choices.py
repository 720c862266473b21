# random.sample (a shrinking pool or a set of taken positions, as CPython 3.11 chooses; ranges never made) and
# random.choices (weights, cum_weights, k), seeded: CPython's numbers; and a value that reads the list it is appended
# to (`cum.append(x if not cum else cum[-1] + x)`), which came back empty before
import random

# run: samples(7)
# expect: ([5, 2, 6], [1.5, 4.5, 3.5, 2.5], [611097, 60816, 953893, 532084, 225127, 39317, 90122, 454710], ['g', 'a'], [], [15, 5, 35, 27, 3, 7, 14, 37, 25, 1, 34, 30, 17, 4, 9, 13, 26, 36, 32, 18, 31, 22, 38, 21, 6, 20, 28, 8, 11, 24], [37, 100, 2, 79, 51])
# run: samples(123)
# expect: ([0, 4, 1], [4.5, 2.5, 1.5, 3.5], [397540, 562248, 589633, 348334, 357352, 893477, 54422, 167418], ['c', 'h'], [], [35, 21, 15, 10, 0, 27, 5, 24, 4, 39, 36, 23, 14, 3, 1, 2, 38, 31, 22, 30, 9, 13, 37, 8, 17, 18, 20, 12, 28, 33], [44, 16, 51, 79, 37])
def samples(n):
    random.seed(n)
    a = random.sample(range(10), 3)
    b = random.sample([1.5, 2.5, 3.5, 4.5], 4)
    c = random.sample(range(1000000), 8)
    d = random.sample("abcdefgh", 2)
    e = random.sample((5, 6, 7), 0)
    k = random.sample(list(range(40)), 30)
    m = random.sample(range(100, 0, -7), k=5)
    return a, b, c, d, e, k, m

# run: choosing(7)
# expect: ([1, 1, 2, 1, 2], [3, 0, 3, 0, 3, 0], ['x'], [30, 30, 10, 10])
def choosing(n):
    random.seed(n)
    g = random.choices([1, 2, 3], k=5)
    h = random.choices(range(5), weights=[1, 0, 0, 3, 1], k=6)
    i = random.choices(['x', 'y'], [0.2, 0.8])
    j = random.choices([10, 20, 30], cum_weights=[1.0, 1.5, 4.0], k=4)
    return g, h, i, j

# run: too_many(5)
# expect-error: line 34: ValueError: Sample larger than population or is negative
def too_many(k):
    return random.sample(range(3), k)

# run: weights_mismatch(1)
# expect-error: line 39: ValueError: The number of weights does not match the population
def weights_mismatch(n):
    return random.choices([1, 2, 3], [1.0, float(n)])

# run: zero_weights(0)
# expect-error: line 44: ValueError: Total of weights must be greater than zero
def zero_weights(n):
    return random.choices([1, 2], [n, n], k=2)

# run: running(1)
# expect: ([1, 3, 6], [3, 1, 1], [2.5, 3.5])
def running(n):
    cum = []
    for x in [1, 2, 3]:
        cum.append(x if len(cum) == 0 else cum[-1] + x)
    best = []
    for x in [3, 1, 2]:
        best.append(x if not best or x < best[-1] else best[-1])
    tot = []
    for x in [2.5, 1.0]:
        tot.append(x + (tot[-1] if tot else 0.0))
    return cum, best, tot
