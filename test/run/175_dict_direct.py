# Tier 2 looks up and stores dict entries of 8-byte number keys without the frame helper (containers.c dict_key,
# rt/dict.c rt_dict_keyn): counts by d.get, k in d, d[k] reads and writes, growth past the index, keys -0.0 and 0.0
# (one key), NaN (never found again, as in CPython for a new NaN object: identity finds only the same one), uint64
# keys, list values, deletions between, and a missing key's KeyError at its line.
import math

import numpy as np


# run: counts(3000, 97)
# expect: (97, 3000, 31, 31, 31)
def counts(n, m):
    d = {}
    for i in range(n):
        k = (i * 7919) % m
        d[k] = d.get(k, 0) + 1
    hits = 0
    for k in range(-5, m + 5):
        if k in d:
            hits += d[k]
    return len(d), hits, d[0], d[m - 1], max(d.values())


# run: float_keys(10)
# expect: (12, 2.5, 2.5, False, 9.0, [0.0, 0.5, 1.0, 1.5])
def float_keys(n):
    d = {}
    d[0.0] = 1.5
    d[-0.0] = 2.5
    d[math.inf - math.inf] = 3.0  # a new NaN each time: CPython finds a NaN key only by identity (the same object)
    d[math.inf - math.inf] = 4.0
    for i in range(n):
        d[i * 0.5] = d.get(i * 0.5, 0.0) + i
    found_nan = (math.inf - math.inf) in d
    return len(d), d[0.0], d.get(-0.0, -1.0), found_nan, d.get(4.5, -1.0), sorted([k for k in d if not math.isnan(k)])[:4]


# run: unsigned(50)
# expect: (50, 1225, True, False)
def unsigned(n):
    a = np.arange(n, dtype=np.uint64) * np.uint64(12345678901)
    d = {}
    for i in range(n):
        d[a[i]] = i
    s = 0
    for i in range(n):
        s += d[a[i]]
    return len(d), s, np.uint64(12345678901) in d, np.uint64(3) in d


# run: list_values(40)
# expect: [(0, 6, 35), (1, 6, 36), (2, 6, 37), (3, 1, 100), (4, 6, 39), (5, 5, 33), (6, 5, 34)]
def list_values(n):
    d = {}
    for i in range(n):
        k = i % 7
        if k in d:
            d[k].append(i)
        else:
            d[k] = [i]
    d[3] = [100]
    return [(k, len(d[k]), d[k][-1]) for k in d]


# run: with_deletions(200)
# expect: (133, 33133, [2, 5, 8, 11, 14])
def with_deletions(n):
    d = {}
    for i in range(n):
        d[i] = i * 2
        if i % 3 == 0:
            del d[i // 2]
    t = 0
    for i in range(n):
        t += d.get(i, -1)
    return len(d), t, list(d.keys())[:5]


# run: missing(5)
# expect-error: line 87: KeyError: 5
def missing(n):
    d = {}
    for i in range(n):
        d[i] = float(i)
    s = 0.0
    for i in range(n + 3):
        s += d[i]
    return s
