# Deleting from a dict (rt/dict.c): the index slot emptied by backward shift and the later entries renumbered, no
# rehash. Keys that collide in the index (multiples of a power of two, equal floats of both signs), deletions at the
# front, the middle and the end (popitem's), lookups of keys past a deleted one, reinsertion after deletion, and the
# insertion order CPython keeps; popitem until empty in linear time.

# run: strided(64)
# expect: (1323, 53, [1024, 2048, 4096, 5120, 7168, 8192], [-42, -48, -54, -60])
def strided(n):
    d = {}
    for i in range(n):
        d[i * 1024] = i
    for i in range(0, n, 3):
        del d[i * 1024]
    found = 0
    for i in range(n):
        if i * 1024 in d:
            found += d[i * 1024]
    for i in range(0, n, 6):
        d[i * 1024] = -i
    return found, len(d), list(d.keys())[:6], list(d.values())[-4:]

# run: churn(500)
# expect: (29760, 369, 185810, 0, 498)
def churn(n):
    d = {}
    total = 0
    for i in range(n):
        d[(i * 7919) % 1000] = i
        if i % 3 == 2:
            k = (i * 104729) % 1000
            if k in d:
                total += d.pop(k)
        if i % 5 == 4 and d:
            total += d.popitem()[1]
    return total, len(d), sum(d.keys()), min(d.keys()), max(d.values())

# run: zeros()
# expect: ([(-2.5, 'c'), (8.0, 'd'), (-0.0, 'e')], True, False)
def zeros():
    d = {0.0: 'a', 1.5: 'b', -2.5: 'c', 8.0: 'd'}
    del d[-0.0]
    d[-0.0] = 'e'
    del d[1.5]
    return list(d.items()), -0.0 in d, 1.5 in d

# run: drain(20000)
# expect: (2999850000, 0)
def drain(n):
    d = {}
    for i in range(n):
        d[i * 16] = i
    s = 0
    while d:
        k, v = d.popitem()
        s += k - v
    return s, len(d)

# run: middle(2000)
# expect: (True, 1000, [499, 1500])
def middle(n):
    d = {}
    for i in range(n):
        d[i] = i * i
    for i in range(n // 4, 3 * n // 4):
        del d[i]
    ok = True
    for i in range(n):
        if (i in d) != (i < n // 4 or i >= 3 * n // 4):
            ok = False
        elif i in d and d[i] != i * i:
            ok = False
    return ok, len(d), list(d)[n // 4 - 1:n // 4 + 1]
