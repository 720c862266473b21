# max and min of float arrays (rt/reduce.c extreme_f64/f32: 16 lanes at a time, then a second look only for a NaN
# or a zero extreme) give NumPy's answers: a NaN wins, a zero extreme keeps its sign; whole arrays, rows (axis=1),
# 2-d arrays whole, float32; lengths around the 16- and 32-lane blocks. Each array's zeros have one sign and its
# NaNs are np.nan: where 0.0 and -0.0 both are the extreme, or NaNs of both signs meet, NumPy 2.4's answer depends
# on its vector width (a canonical NaN from its vector loop, the scalar's own from its tail; the zero its lanes
# meet last), and kiln's is the first NaN and the last zero (docs/language.md 12c).
import numpy as np

def build(n, seed, dt, zeros, nans):
    a = np.empty(n, dtype=dt)
    v = seed
    zero = 0.0 if seed % 2 == 0 else -0.0
    for i in range(n):
        v = (v * 1103515245 + 12345) % 2147483648
        r = (v >> 8) % 100
        if r < zeros:
            a[i] = zero
        elif r < zeros + nans:
            a[i] = np.nan
        elif r < zeros + nans + 3:
            a[i] = -np.inf
        else:
            a[i] = -(((v >> 4) % 1000) * 0.25) if zeros > 20 else ((v >> 4) % 1000 - 500) * 0.25
    return a

def sig(x):
    return (float(x), bool(np.signbit(x)))

def whole(dt):
    out = []
    for n in (1, 2, 7, 15, 16, 17, 31, 32, 33, 64, 100, 1000):
        for zeros, nans in ((0, 0), (30, 0), (40, 0), (5, 1), (60, 0)):
            a = build(n, n * 7 + zeros + nans, dt, zeros, nans)
            out.append((n, zeros, nans) + sig(a.max()) + sig(a.min()) + sig(np.max(a)) + sig(np.amin(a)))
    return out

# run: whole64()
# expect: [(1, 0, 0, 1.75, False, 1.75, False, 1.75, False, 1.75, False), (1, 30, 0, -235.75, True, -235.75, True, -235.75, True, -235.75, True), (1, 40, 0, -82.75, True, -82.75, True, -82.75, True, -82.75, True), (1, 5, 1, 10.0, False, 10.0, False, 10.0, False, 10.0, False), (1, 60, 0, -0.0, True, -0.0, True, -0.0, True, -0.0, True), (2, 0, 0, 57.75, False, 3.5, False, 57.75, False, 3.5, False), (2, 30, 0, -60.0, True, -169.75, True, -60.0, True, -169.75, True), (2, 40, 0, 0.0, False, -16.75, True, 0.0, False, -16.75, True), (2, 5, 1, 11.75, False, -112.25, True, 11.75, False, -112.25, True), (2, 60, 0, 0.0, False, -187.25, True, 0.0, False, -187.25, True), (7, 0, 0, 23.75, False, -122.75, True, 23.75, False, -122.75, True), (7, 30, 0, -0.0, True, -183.5, True, -0.0, True, -183.5, True), (7, 40, 0, -0.0, True, -140.25, True, -0.0, True, -140.25, True), (7, 5, 1, 66.25, False, -114.5, True, 66.25, False, -114.5, True), (7, 60, 0, -0.0, True, -137.5, True, -0.0, True, -137.5, True), (15, 0, 0, 120.5, False, -120.5, True, 120.5, False, -120.5, True), (15, 30, 0, -0.0, True, -218.5, True, -0.0, True, -218.5, True), (15, 40, 0, -0.0, True, -236.25, True, -0.0, True, -236.25, True), (15, 5, 1, nan, False, nan, False, nan, False, nan, False), (15, 60, 0, -0.0, True, -247.0, True, -0.0, True, -247.0, True), (16, 0, 0, 122.5, False, -100.5, True, 122.5, False, -100.5, True), (16, 30, 0, 0.0, False, -222.75, True, 0.0, False, -222.75, True), (16, 40, 0, 0.0, False, -inf, True, 0.0, False, -inf, True), (16, 5, 1, 122.25, False, -inf, True, 122.25, False, -inf, True), (16, 60, 0, 0.0, False, -inf, True, 0.0, False, -inf, True), (17, 0, 0, 124.5, False, -103.0, True, 124.5, False, -103.0, True), (17, 30, 0, -0.0, True, -inf, True, -0.0, True, -inf, True), (17, 40, 0, -0.0, True, -248.75, True, -0.0, True, -248.75, True), (17, 5, 1, 105.75, False, -117.25, True, 105.75, False, -117.25, True), (17, 60, 0, -0.0, True, -238.75, True, -0.0, True, -238.75, True), (31, 0, 0, 118.5, False, -inf, True, 118.5, False, -inf, True), (31, 30, 0, -0.0, True, -231.5, True, -0.0, True, -231.5, True), (31, 40, 0, -0.0, True, -inf, True, -0.0, True, -inf, True), (31, 5, 1, nan, False, nan, False, nan, False, nan, False), (31, 60, 0, -0.0, True, -inf, True, -0.0, True, -inf, True), (32, 0, 0, 119.0, False, -104.25, True, 119.0, False, -104.25, True), (32, 30, 0, 0.0, False, -inf, True, 0.0, False, -inf, True), (32, 40, 0, 0.0, False, -inf, True, 0.0, False, -inf, True), (32, 5, 1, 115.25, False, -inf, True, 115.25, False, -inf, True), (32, 60, 0, 0.0, False, -inf, True, 0.0, False, -inf, True), (33, 0, 0, 120.0, False, -inf, True, 120.0, False, -inf, True), (33, 30, 0, -0.0, True, -inf, True, -0.0, True, -inf, True), (33, 40, 0, -0.0, True, -inf, True, -0.0, True, -inf, True), (33, 5, 1, nan, False, nan, False, nan, False, nan, False), (33, 60, 0, -0.0, True, -inf, True, -0.0, True, -inf, True), (64, 0, 0, 122.75, False, -inf, True, 122.75, False, -inf, True), (64, 30, 0, 0.0, False, -inf, True, 0.0, False, -inf, True), (64, 40, 0, 0.0, False, -inf, True, 0.0, False, -inf, True), (64, 5, 1, nan, False, nan, False, nan, False, nan, False), (64, 60, 0, 0.0, False, -inf, True, 0.0, False, -inf, True), (100, 0, 0, 124.25, False, -inf, True, 124.25, False, -inf, True), (100, 30, 0, 0.0, False, -inf, True, 0.0, False, -inf, True), (100, 40, 0, 0.0, False, -248.0, True, 0.0, False, -248.0, True), (100, 5, 1, 122.5, False, -inf, True, 122.5, False, -inf, True), (100, 60, 0, 0.0, False, -inf, True, 0.0, False, -inf, True), (1000, 0, 0, 124.5, False, -inf, True, 124.5, False, -inf, True), (1000, 30, 0, 0.0, False, -inf, True, 0.0, False, -inf, True), (1000, 40, 0, 0.0, False, -inf, True, 0.0, False, -inf, True), (1000, 5, 1, nan, False, nan, False, nan, False, nan, False), (1000, 60, 0, 0.0, False, -inf, True, 0.0, False, -inf, True)]
def whole64():
    return whole(np.float64)

# run: whole32()
# expect: [(1, 0, 0, 1.75, False, 1.75, False, 1.75, False, 1.75, False), (1, 30, 0, -235.75, True, -235.75, True, -235.75, True, -235.75, True), (1, 40, 0, -82.75, True, -82.75, True, -82.75, True, -82.75, True), (1, 5, 1, 10.0, False, 10.0, False, 10.0, False, 10.0, False), (1, 60, 0, -0.0, True, -0.0, True, -0.0, True, -0.0, True), (2, 0, 0, 57.75, False, 3.5, False, 57.75, False, 3.5, False), (2, 30, 0, -60.0, True, -169.75, True, -60.0, True, -169.75, True), (2, 40, 0, 0.0, False, -16.75, True, 0.0, False, -16.75, True), (2, 5, 1, 11.75, False, -112.25, True, 11.75, False, -112.25, True), (2, 60, 0, 0.0, False, -187.25, True, 0.0, False, -187.25, True), (7, 0, 0, 23.75, False, -122.75, True, 23.75, False, -122.75, True), (7, 30, 0, -0.0, True, -183.5, True, -0.0, True, -183.5, True), (7, 40, 0, -0.0, True, -140.25, True, -0.0, True, -140.25, True), (7, 5, 1, 66.25, False, -114.5, True, 66.25, False, -114.5, True), (7, 60, 0, -0.0, True, -137.5, True, -0.0, True, -137.5, True), (15, 0, 0, 120.5, False, -120.5, True, 120.5, False, -120.5, True), (15, 30, 0, -0.0, True, -218.5, True, -0.0, True, -218.5, True), (15, 40, 0, -0.0, True, -236.25, True, -0.0, True, -236.25, True), (15, 5, 1, nan, False, nan, False, nan, False, nan, False), (15, 60, 0, -0.0, True, -247.0, True, -0.0, True, -247.0, True), (16, 0, 0, 122.5, False, -100.5, True, 122.5, False, -100.5, True), (16, 30, 0, 0.0, False, -222.75, True, 0.0, False, -222.75, True), (16, 40, 0, 0.0, False, -inf, True, 0.0, False, -inf, True), (16, 5, 1, 122.25, False, -inf, True, 122.25, False, -inf, True), (16, 60, 0, 0.0, False, -inf, True, 0.0, False, -inf, True), (17, 0, 0, 124.5, False, -103.0, True, 124.5, False, -103.0, True), (17, 30, 0, -0.0, True, -inf, True, -0.0, True, -inf, True), (17, 40, 0, -0.0, True, -248.75, True, -0.0, True, -248.75, True), (17, 5, 1, 105.75, False, -117.25, True, 105.75, False, -117.25, True), (17, 60, 0, -0.0, True, -238.75, True, -0.0, True, -238.75, True), (31, 0, 0, 118.5, False, -inf, True, 118.5, False, -inf, True), (31, 30, 0, -0.0, True, -231.5, True, -0.0, True, -231.5, True), (31, 40, 0, -0.0, True, -inf, True, -0.0, True, -inf, True), (31, 5, 1, nan, False, nan, False, nan, False, nan, False), (31, 60, 0, -0.0, True, -inf, True, -0.0, True, -inf, True), (32, 0, 0, 119.0, False, -104.25, True, 119.0, False, -104.25, True), (32, 30, 0, 0.0, False, -inf, True, 0.0, False, -inf, True), (32, 40, 0, 0.0, False, -inf, True, 0.0, False, -inf, True), (32, 5, 1, 115.25, False, -inf, True, 115.25, False, -inf, True), (32, 60, 0, 0.0, False, -inf, True, 0.0, False, -inf, True), (33, 0, 0, 120.0, False, -inf, True, 120.0, False, -inf, True), (33, 30, 0, -0.0, True, -inf, True, -0.0, True, -inf, True), (33, 40, 0, -0.0, True, -inf, True, -0.0, True, -inf, True), (33, 5, 1, nan, False, nan, False, nan, False, nan, False), (33, 60, 0, -0.0, True, -inf, True, -0.0, True, -inf, True), (64, 0, 0, 122.75, False, -inf, True, 122.75, False, -inf, True), (64, 30, 0, 0.0, False, -inf, True, 0.0, False, -inf, True), (64, 40, 0, 0.0, False, -inf, True, 0.0, False, -inf, True), (64, 5, 1, nan, False, nan, False, nan, False, nan, False), (64, 60, 0, 0.0, False, -inf, True, 0.0, False, -inf, True), (100, 0, 0, 124.25, False, -inf, True, 124.25, False, -inf, True), (100, 30, 0, 0.0, False, -inf, True, 0.0, False, -inf, True), (100, 40, 0, 0.0, False, -248.0, True, 0.0, False, -248.0, True), (100, 5, 1, 122.5, False, -inf, True, 122.5, False, -inf, True), (100, 60, 0, 0.0, False, -inf, True, 0.0, False, -inf, True), (1000, 0, 0, 124.5, False, -inf, True, 124.5, False, -inf, True), (1000, 30, 0, 0.0, False, -inf, True, 0.0, False, -inf, True), (1000, 40, 0, 0.0, False, -inf, True, 0.0, False, -inf, True), (1000, 5, 1, nan, False, nan, False, nan, False, nan, False), (1000, 60, 0, 0.0, False, -inf, True, 0.0, False, -inf, True)]
def whole32():
    return whole(np.float32)

# run: rows(9, 40)
# expect: ([(-0.0, True), (-0.0, True), (-0.0, True), (-0.0, True), (-0.0, True), (-0.0, True), (-0.0, True), (-0.0, True), (-0.0, True)], [(-inf, True), (-241.5, True), (-234.5, True), (-inf, True), (-241.25, True), (-inf, True), (-237.0, True), (-inf, True), (-inf, True)], [(121.25, False), (nan, False), (123.5, False), (124.0, False), (nan, False), (122.25, False), (117.0, False), (121.5, False), (122.75, False)], [(0.0, False), (0.0, False), (0.0, False), (0.0, False), (0.0, False), (0.0, False), (0.0, False), (0.0, False), (0.0, False)], (-0.0, True), (nan, False), (-0.0, True), (-inf, True), (0.0, False))
def rows(m, n):
    a = build(m * n, 5, np.float64, 35, 0).reshape(m, n)
    b = build(m * n, 6, np.float64, 5, 1).reshape(m, n)
    c = build(m * n, 8, np.float64, 35, 0).reshape(m, n)
    mx, mn, bx = a.max(axis=1), a.min(axis=1), b.max(axis=1)
    return ([sig(mx[i]) for i in range(m)], [sig(mn[i]) for i in range(m)], [sig(bx[i]) for i in range(m)],
            [sig(x) for x in c.max(axis=1)], sig(a.max()), sig(b.min()), sig(a[:, 3:].max()), sig(a[::2].min()), sig(c.max()))

# all -inf, all zeros of one sign then the other, inf
# run: edges()
# expect: ((-inf, True), (inf, False), (0.0, False), (-0.0, True), (-0.0, True), (-0.0, True), (-0.0, True), (7.5, False))
def edges():
    z = np.zeros(40)
    nz = -np.zeros(40)
    mixed = np.concatenate((nz, z, nz))
    return (sig(np.full(50, -np.inf).max()), sig(np.full(50, np.inf).min()), sig(z.max()), sig(nz.max()), sig(mixed.max()),
            sig(mixed.min()), sig(np.concatenate((z, nz)).max()), sig(np.full(33, 7.5).max()))

# kiln's rule where NumPy's answer depends on its vector width: the first NaN (its sign too) and the last zero.
# The contiguous arrays' lanes (rt/reduce.c extreme_f64/f32) against the same elements strided, which go one by
# one: bit for bit, over arrays mixing 0.0, -0.0, nan and -nan
# run: mixed(300)
# cpython: skip (NumPy 2.4's vector loop answers a canonical NaN and the zero its lanes meet last)
# expect: (0, 0, 300)
def mixed(count):
    bad64 = 0
    bad32 = 0
    for k in range(count):
        n = 1 + k % 70
        a = build(n, k, np.float64, 45, 4 if k % 3 == 0 else 0)
        v = k
        for i in range(n):
            v = (v * 1103515245 + 12345) % 2147483648
            if a[i] == 0 and (v >> 9) % 2 == 1:
                a[i] = -a[i]
            if a[i] != a[i] and (v >> 10) % 2 == 1:
                a[i] = -a[i]
        s = np.empty(2 * n)
        s[::2] = a
        f = a.astype(np.float32)
        t = np.empty(2 * n, dtype=np.float32)
        t[::2] = f
        for x, y in ((a.max(), s[::2].max()), (a.min(), s[::2].min())):
            if np.signbit(x) != np.signbit(y) or (x == x) != (y == y) or (x == x and x != y):
                bad64 += 1
        for x, y in ((f.max(), t[::2].max()), (f.min(), t[::2].min())):
            if np.signbit(x) != np.signbit(y) or (x == x) != (y == y) or (x == x and x != y):
                bad32 += 1
    return (bad64, bad32, count)

# a single NaN at each place of views starting at every alignment (the AVX-512 scan goes one by one up to a 64-byte
# boundary, then looks for NaNs in pairs of vectors), and the extremes of those views without one
def one_nan(dt):
    base = np.arange(300).astype(dt) * 0.5 - 40.0
    found = 0
    ext = []
    for off in range(17):
        v = base[off:off + 200]
        ext.append((float(v.max()), float(v.min())))
        for k in range(0, 200):
            w = v.copy()
            w[k] = np.nan
            u = base.copy()
            u[off + k] = np.nan
            t = u[off:off + 200]
            if np.isnan(w.max()) and np.isnan(w.min()) and np.isnan(t.max()) and np.isnan(t.min()):
                found += 1
    return found, ext

# run: one_nan64()
# expect: (3400, [(59.5, -40.0), (60.0, -39.5), (60.5, -39.0), (61.0, -38.5), (61.5, -38.0), (62.0, -37.5), (62.5, -37.0), (63.0, -36.5), (63.5, -36.0), (64.0, -35.5), (64.5, -35.0), (65.0, -34.5), (65.5, -34.0), (66.0, -33.5), (66.5, -33.0), (67.0, -32.5), (67.5, -32.0)])
def one_nan64():
    return one_nan(np.float64)

# run: one_nan32()
# expect: (3400, [(59.5, -40.0), (60.0, -39.5), (60.5, -39.0), (61.0, -38.5), (61.5, -38.0), (62.0, -37.5), (62.5, -37.0), (63.0, -36.5), (63.5, -36.0), (64.0, -35.5), (64.5, -35.0), (65.0, -34.5), (65.5, -34.0), (66.0, -33.5), (66.5, -33.0), (67.0, -32.5), (67.5, -32.0)])
def one_nan32():
    return one_nan(np.float32)
