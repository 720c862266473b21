# Scans that test each element against a value changed only where the test holds (tier 2 tests such elements a
# vector at a time and skips the quiet ones: back/llvm/scan.c): top-k buffers, running maxima and minima with their
# index, first matches, counts, on float32, float64 and int arrays of several widths and signs; NaNs, ties and signed
# zeros; the threshold on either side of the compare and the rare path on either edge; loops that start unaligned,
# stop short of the array or run past it (the IndexError at its element); strided views; the array written by the
# rare path itself. Every tier prints the same.
import math

import numpy as np


def lcg_floats(n, dtype, seed):
    x = np.empty(n, dtype=dtype)
    s = seed
    for i in range(n):
        s = (s * 1103515245 + 12345) % 2147483648
        x[i] = s / 2147483648.0
    return x


def insert_top(x, k):
    buf = np.full(k, -np.inf, dtype=x.dtype)
    for i in range(x.shape[0]):
        v = x[i]
        if v > buf[k - 1]:
            j = k - 1
            while j > 0 and buf[j - 1] < v:
                buf[j] = buf[j - 1]
                j -= 1
            buf[j] = v
    return buf


# run: top_k(5000, 7)
# expect: ([0.99993896484375, 0.9998084306716919, 0.9994627237319946, 0.9991000294685364, 0.9985578656196594, 0.9981394410133362, 0.9975937008857727], [0.9999731057323515, 0.9999439874663949, 0.9997172742150724, 0.9993637367151678, 0.9991647321730852, 0.9984278958290815, 0.9982292493805289])
def top_k(n, k):
    a = insert_top(lcg_floats(n, np.float32, 7), k)
    b = insert_top(lcg_floats(n, np.float64, 11), k)
    return [float(v) for v in a], [float(v) for v in b]


def argmax_gt(a):
    m = a[0]
    k = 0
    for i in range(1, a.shape[0]):
        if a[i] > m:
            m = a[i]
            k = i
    return k, m


def argmin_le_left(a):
    m = a[0]
    k = 0
    for i in range(a.shape[0]):
        if m >= a[i]:  # the threshold on the left; ties move the index
            m = a[i]
            k = i
    return k, m


# run: extremes(3000)
# expect: ((2999, 2999.0), (2999, 0.0), (0, nan), (1500, 10.0), (2999, -0.0), (130, 0.0), (2999, 1.0))
def extremes(n):
    a = np.arange(n, dtype=np.float64)
    b = np.arange(n, dtype=np.float64)[::-1].copy()
    b[1] = 0.0
    c = np.ones(n)
    c[0] = np.nan  # every compare with NaN fails: the index stays 0
    d = np.zeros(n)
    d[1500] = 10.0
    d[2000] = np.nan  # a NaN after the maximum changes nothing
    e = np.zeros(n)
    e[n - 1] = -0.0  # -0.0 <= 0.0: the last tie wins
    f = np.ones(n)
    f[130] = 0.0
    g = np.zeros(n, dtype=np.float32)
    g[n - 1] = 1.0  # the last element, past the last whole vector
    return (argmax_gt(a), argmin_le_left(b), argmax_gt(c), argmax_gt(d), argmin_le_left(e), argmin_le_left(f),
            argmax_gt(g))


def first_above(a, t, lo, hi):
    for i in range(lo, hi):
        if a[i] > t:
            return i
    return -1


# run: firsts(1000)
# expect: (700, -1, 3, 699, 992, -1, 991)
def firsts(n):
    a = np.zeros(n, dtype=np.float32)
    a[700] = 1.0
    a[3] = 2.0
    a[992] = 3.0
    a[991] = 0.5
    return (first_above(a, 0.75, 4, n), first_above(a, 0.75, 4, 700), first_above(a, 0.75, 3, n),
            first_above(a, 0.75, 699, n) - 1, first_above(a, 2.5, 5, n), first_above(a, 2.5, 5, 992),
            first_above(a, 0.25, 701, n))


def count_over(a, t):
    # a count against a value fixed for the loop: tier 2 leaves it to LLVM's vectorizer, with no skip
    c = 0
    for i in range(a.shape[0]):
        if a[i] > t:
            c += 1
    return c


def last_not_below(a, t):
    k = -1
    for i in range(a.shape[0]):
        if a[i] < t:  # the quiet edge is the true one: elements below t
            pass
        else:
            k = i
    return k


# run: counts(4096)
# expect: (2048, 1, 0, 4096, 4095, 2000, -1)
def counts(n):
    a = np.arange(n, dtype=np.float64) % 2.0
    b = np.zeros(n, dtype=np.float32)
    b[4000] = 1.0
    c = np.zeros(n)
    c[2000] = 5.0
    return (count_over(a, 0.5), count_over(b, 0.5), count_over(b, 1.0), count_over(b, -1.0), last_not_below(a, 0.5),
            last_not_below(c, 1.0), last_not_below(c, 6.0))


def int_max(a):
    m = a[0]
    k = 0
    for i in range(a.shape[0]):
        if a[i] > m:
            m = a[i]
            k = i
    return k, float(m)


def int_hits(a, t):
    s = 0
    for i in range(a.shape[0]):
        if a[i] == t:
            s += i
    return s


# run: ints(2000)
# expect: ((1999, -1.0), (1234, 255.0), (777, 1.8446744073709552e+19), (1111, 9.223372036854776e+18), (1500, 2.0), 1750, 0, 2500)
def ints(n):
    a = np.full(n, -5, dtype=np.int32)
    a[1999] = -1  # signed: -1 > -5
    b = np.zeros(n, dtype=np.uint8)
    b[1234] = 255  # unsigned: 255 is the largest, not -1
    c = np.ones(n, dtype=np.uint64)
    c[777] = ~np.uint64(0)
    d = np.zeros(n, dtype=np.int64)
    d[1111] = 9223372036854775807
    e = np.zeros(n, dtype=np.int16)
    e[1500] = 2
    f = np.zeros(n, dtype=np.int8)
    f[1750] = -3
    g = np.zeros(n, dtype=np.int64)
    g[1000] = 7
    g[1500] = 7
    return (int_max(a), int_max(b), int_max(c), int_max(d), int_max(e), int_hits(f, -3), int_hits(f, 3), int_hits(g, 7))


def scan_to(a, t, hi):
    k = 0
    for i in range(hi):
        if a[i] > t:
            k += 1
    return k


# run: edges(500)
# expect: ('IndexError: index 500 is out of bounds for axis 0 with size 500', 'IndexError: index 500 is out of bounds for axis 0 with size 500', 0, 1, 62, 200)
def edges(n):
    a = np.zeros(n)
    out = []
    for hi in (n + 1, n + 40):
        try:
            scan_to(a, 1.0, hi)  # no element passes: the error is raised at element n
            out.append("none")
        except IndexError as e:
            out.append("IndexError: " + str(e))
    b = np.zeros(2 * n)
    b[125] = 3.0  # at an odd index: the even elements' view does not see it
    b[124] = 2.0
    c = np.zeros(3 * n)
    c[600] = 1.0
    return (out[0], out[1], scan_to(b[1::2], 0.5, n) - 1, scan_to(b[::2], 0.5, n), argmax_gt(b[::2])[0], argmax_gt(c[::3])[0])


def bump_ahead(a):
    # the rare path writes elements the scan reads later: each hit makes the element 33 ahead a hit too
    hits = 0
    for i in range(a.shape[0]):
        if a[i] > 0.5:
            hits += 1
            if i + 33 < a.shape[0]:
                a[i + 33] = 1.0
    return hits


# run: self_writes(1000)
# expect: (30, 1.0, 0.0)
def self_writes(n):
    a = np.zeros(n)
    a[10] = 1.0
    return bump_ahead(a), a[10 + 33 * 29], a[10 + 33 * 29 + 1]


def run_max(a):
    m = -np.inf
    for v in a:  # a for loop over the elements (no index check); the if becomes a select
        if v > m:
            m = v
    return m


def run_min_kept(a):
    m = np.inf
    for v in a:
        if m <= v:  # the quiet side is where the compare holds
            pass
        else:
            m = v
    return m


def builtin_extremes(a):
    lo = a[0]
    hi = a[0]
    for i in range(a.shape[0]):
        lo = min(lo, a[i])
        hi = max(hi, a[i])
    return lo, hi


def enum_max(a):
    m = a[0]
    k = 0
    for i, v in enumerate(a):
        if v > m:
            m = v
            k = i
    return k


def root_max(a, t):
    m = 0.0
    for v in a:
        r = math.sqrt(v - t)  # may raise: such trips are not skipped
        if r > m:
            m = r
    return m


# run: selects(3000)
# expect: (0.999693940859288, 1.0, 1.0, (96, 96.0), 8.053705096244812e-05, 0.0, -2.0, (8.053705096244812e-05, 0.999693940859288), (0.0, 1.0), (nan, nan), 213, 0, 96, 0.9998469587188271, ['math domain error'])
def selects(n):
    a = lcg_floats(n, np.float64, 5)
    b = np.zeros(n, dtype=np.float32)
    b[2500] = np.nan
    b[2600] = 1.0
    c = np.ones(n)
    c[0] = np.nan
    c[1777] = -2.0
    d = np.arange(n, dtype=np.int16) % 97
    out = []
    try:
        root_max(a, 0.9)
    except ValueError as e:
        out.append(str(e))
    return (run_max(a), run_max(b), run_max(c), int_max(d), run_min_kept(a), run_min_kept(b), run_min_kept(c),
            builtin_extremes(a), builtin_extremes(b), builtin_extremes(c), enum_max(a), enum_max(c), enum_max(d),
            root_max(a, 0.0), out)


# run: list_scans(3000)
# expect: (0.999, 1.9809999999999999, 16, 3005, 1, 1)
def list_scans(n):
    xs = [((i * 7919) % 1000) * 0.001 for i in range(n)]
    m = -1.0
    for v in xs:  # a list's items: their view is taken again each trip
        if v > m:
            m = v
    ys = [((i * 7919) % 1000) * 0.001 for i in range(n)]
    best = 0.5
    k = 0
    for v in ys:  # the rare path appends to the list being scanned: the loop reaches the new items
        if v > best:
            best = v
            k += 1
            if len(ys) < n + 5:
                ys.append(v + 1.0)
    zs = [3, 1, 4, 1, 5, 9, 2, 6] * (n // 8)
    lo = zs[0]
    at = 0
    i = 0
    while i < len(zs):
        if zs[i] < lo:
            lo = zs[i]
            at = i
        i += 1
    return m, best, k, len(ys), lo, at


def row_argmax(a):
    out = np.zeros(a.shape[0], dtype=np.int64)
    for r in range(a.shape[0]):
        m = a[r, 0]
        k = 0
        for j in range(1, a.shape[1]):
            if a[r, j] > m:  # a row's elements: r steady within the row's loop
                m = a[r, j]
                k = j
        out[r] = k
    return out


def col_first(a, t):
    out = []
    for c in range(a.shape[1]):
        at = -1
        for i in range(a.shape[0]):
            if a[i, c] > t:  # down a column: not a row scan
                at = i
                break
        out.append(at)
    return out


# run: rows(70, 300)
# expect: ([103, 33, 77, 82, 212, 144, 55, 58, 254, 159, 137, 202, 80, 69, 85, 100, 48, 209, 154, 87, 155, 211, 109, 132, 114, 37, 13, 43, 141, 185, 100, 47, 201, 93, 5, 17, 264, 210, 46, 50, 19, 29, 22, 103, 30, 110, 233, 40, 95, 298, 20, 165, 149, 110, 55, 56, 119, 24, 177, 299, 15, 224, 282, 241, 99, 132, 192, 88, 3, 121], [59, 26, 36, 37, 43, 11, 51, 16, 3, 41, 50, 42, 57, 7, 8, 44, 62, 22, 35, 39, 47, 0, 69, 38, 16, 39, 32, 49, 55, 7, 3, 52, 36, 66, 18, 22, 3, 24, 4, 36, 12, 3, 56, 61, 67, 52, 44, 24, 56, 2, 15, 47, 60, 63, 27, 45, 23, 24, 53, 61, 27, 24, 60, 43, 36, 2, 23, 30, 33, 23, 49, 17, 5, 32, 58, 25, 59, 18, 28, 24, 14, 41, 3, 31, 16, 22, 7, 52, 38, 64, 40, 64, 42, 50, 57, 10, 66, 16, 28, 64, 14, 11, 0, 22, 51, 37, 4, 13, 35, 16, 19, 2, 61, 25, 67, 21, 22, 19, 60, 43, 23, 65, 66, 49, 33, 55, 18, 8, 38, 52, 17, 4, 22, 22, 9, 17, 42, 10, 45, 56, 34, 62, 1, 2, 55, 35, 59, 23, 19, 49], [241, 8, 208, 246, 75, 299, 0, 9, 280, 228, 15, 70, 10, 129, 62, 26, 4, 229, 262, 255, 41, 16, 216, 113, 202, 172, 118, 53, 118, 82, 131, 12, 150, 87, 175, 189, 97, 93, 142, 190, 12, 110, 46, 228, 296, 60, 126, 169, 210, 245, 186, 88, 26, 40, 262, 280, 72, 238, 26, 293, 126, 49, 32, 271, 240, 247, 269, 239, 94, 175], [14, 11, 89, 36, 7, 48, 34, 63, 3, 53, 91, 28, 78, 23, 49, 58, 16, 91, 84, 29, 37, 71, 88, 44, 38, 50, 86, 40, 47, 81, 37, 79, 67, 31, 29, 93, 88, 70, 33, 70, 60, 77, 14, 45, 10, 61, 63, 34, 89, 82, 94, 55, 86, 12, 89, 96, 25, 8, 59, 75, 5, 39, 94, 3, 33, 44, 64, 76, 1, 48], [-1, -1, -1, 33, -1, 34, 37, -1, -1, 8, 11, 63, 51, 26, -1, 60, -1, 35, -1, 40, 50, 4, 42, 7, 57, -1, -1, 40, -1, 41, 44, -1, -1, 1, 22, -1, -1, 25, 24, -1, 8, -1, 0, 27, 38, -1, 19, 31, 16, -1, 39, -1, -1, 21, -1, 6, 13, 4, 7, -1, 3, -1, 22, 23, -1, -1, -1, -1, -1, 13, -1, 64, -1, 24, 10, 56, 4, 2, -1, -1, 12, -1, 3, -1, 56, 14, -1, 19, 67, -1, -1, 1, 44, 33, 24, 48, 56, -1, -1, 38, 15, 40, 47, 0, -1, -1, 31, 16, 3, 7, 45, -1, 23, -1, 24, 20, -1, 61, -1, 49, 27, 14, 24, -1, -1, 35, -1, -1, -1, -1, -1, 4, 23, -1, -1, 43, 33, 10, -1, 57, 49, 28, -1, -1, 5, 39, -1, 14, -1, 52, 25, -1, -1, -1, 18, 20, 28, 1, -1, 9, 7, -1, -1, -1, 3, 51, 31, 26, -1, -1, -1, -1, -1, -1, -1, 62, -1, 58, 52, -1, 40, -1, -1, -1, -1, 29, 50, -1, 57, -1, -1, -1, 66, 8, -1, -1, -1, -1, 64, -1, -1, 32, 11, -1, -1, 2, 22, -1, 51, 17, 37, 21, 4, 21, -1, 37, -1, -1, -1, -1, -1, -1, -1, -1, 61, 59, -1, -1, 67, 42, 0, 41, -1, 46, -1, 33, 60, 9, -1, -1, -1, 63, -1, 63, -1, -1, -1, -1, 23, -1, -1, -1, -1, -1, 8, 37, 38, -1, -1, 20, 17, -1, 4, -1, 22, -1, 22, 24, -1, 28, -1, 45, -1, 9, 10, -1, -1, 30, 56, 35, 34, 0, 50, 17, -1, 41, 2, -1, -1, -1, -1, -1, -1, -1, 23, -1, -1, 50, 17, 59], [59, 68, 26, 68, 36, 34, 37, 50, 43, 63, 11, 63, 51, 26, 16, 60, 3, 35, 41, 40])
def rows(m, n):
    a = lcg_floats(m * n, np.float64, 3).reshape(m, n)
    b = np.ascontiguousarray(a.T)[:, :m]
    c = lcg_floats(m * n, np.float32, 9).reshape(m, n)
    c[5, 299] = 2.0
    c[6, 0] = np.nan
    return (row_argmax(a).tolist(), row_argmax(b[::2]).tolist(), row_argmax(c).tolist(), row_argmax(a[:, ::3]).tolist(),
            col_first(a, 0.99), row_argmax(a.T).tolist()[:20])


def over_200(a):
    for i in range(a.shape[0]):
        if a[i] > 200:  # a Python int against uint8: compared at the element's width, unsigned
            return i
    return -1


def under(a, t):
    # the count of hits and the last one's index: the index keeps it a scan (a count alone LLVM vectorizes)
    k = 0
    last = -1
    for i in range(a.shape[0]):
        if a[i] <= t:
            k += 1
            last = i
    return k, last


# run: narrow(1000)
# expect: (900, -1, (1, 700), (1, 700), (999, 998), (999, 999))
def narrow(n):
    u = np.full(n, 100, dtype=np.uint8)
    u[900] = 201
    u[901] = 255
    s = np.full(n, 5, dtype=np.int8)
    s[700] = -128
    s[800] = 127
    w = np.full(n, 7, dtype=np.uint16)
    w[999] = 65535
    return over_200(u), over_200(u[:900]), under(s, np.int8(-100)), under(s, np.int8(-128)), under(w, np.uint16(7)), under(s, np.int8(126))


def deep_threshold(a, t):
    # 30 values each made twice of the one before, in the test block: matching the scan looks at each once
    c = 0
    for i in range(a.shape[0]):
        x0 = t
        x1 = x0 * 0.5 + x0 * 0.5
        x2 = x1 * 0.5 + x1 * 0.5
        x3 = x2 * 0.5 + x2 * 0.5
        x4 = x3 * 0.5 + x3 * 0.5
        x5 = x4 * 0.5 + x4 * 0.5
        x6 = x5 * 0.5 + x5 * 0.5
        x7 = x6 * 0.5 + x6 * 0.5
        x8 = x7 * 0.5 + x7 * 0.5
        x9 = x8 * 0.5 + x8 * 0.5
        x10 = x9 * 0.5 + x9 * 0.5
        x11 = x10 * 0.5 + x10 * 0.5
        x12 = x11 * 0.5 + x11 * 0.5
        x13 = x12 * 0.5 + x12 * 0.5
        x14 = x13 * 0.5 + x13 * 0.5
        x15 = x14 * 0.5 + x14 * 0.5
        x16 = x15 * 0.5 + x15 * 0.5
        x17 = x16 * 0.5 + x16 * 0.5
        x18 = x17 * 0.5 + x17 * 0.5
        x19 = x18 * 0.5 + x18 * 0.5
        x20 = x19 * 0.5 + x19 * 0.5
        x21 = x20 * 0.5 + x20 * 0.5
        x22 = x21 * 0.5 + x21 * 0.5
        x23 = x22 * 0.5 + x22 * 0.5
        x24 = x23 * 0.5 + x23 * 0.5
        x25 = x24 * 0.5 + x24 * 0.5
        x26 = x25 * 0.5 + x25 * 0.5
        x27 = x26 * 0.5 + x26 * 0.5
        x28 = x27 * 0.5 + x27 * 0.5
        x29 = x28 * 0.5 + x28 * 0.5
        x30 = x29 * 0.5 + x29 * 0.5
        if a[i] > x30:
            c += 1
    return c


# run: deep(1000)
# expect: 249
def deep(n):
    return deep_threshold(np.arange(n) * 0.001, 0.75)


def above(x, t):
    # x[i] converted before the compare: to t's type (a float32 element against a float64 value, ints against a
    # Python int out of their range or against a float, uint64 against a float)
    c = 0
    first = -1
    last = -1
    for i in range(x.shape[0]):
        if x[i] > t:
            c += 1
            if first < 0:
                first = i
            last = i
    return c, first, last


def running_max64(x):
    # a float32 array's running maximum kept as a float64 (m's first value a Python float)
    m = -math.inf
    k = -1
    for i in range(x.shape[0]):
        if x[i] > m:
            m = float(x[i])
            k = i
    return m, k


def below_select(x, t):
    # the select form: the count and the last index below t, x[i] converted
    c = 0
    k = -1
    for i in range(x.shape[0]):
        low = x[i] < t
        c = c + 1 if low else c
        k = i if low else k
    return c, k


# run: converted(1000)
# expect: ((3, 128, 999), (0, -1, -1), (1000, 0, 999), (2, 256, 999), (2, 256, 999), (998, 0, 997), (1, 501, 501), (2, 300, 999), (1000, 0, 999), (0.30000001192092896, 999), (997, 998), (3, 511))
def converted(n):
    f = np.full(n, 0.05, dtype=np.float32)
    f[128] = np.float32(0.1)       # above 0.1 as a float64, equal to it as a float32
    f[500] = np.float32(0.2)
    f[n - 1] = np.float32(0.3)
    h = np.full(n, 7, dtype=np.int16)
    h[256] = 32767
    h[n - 1] = 301
    u = np.full(n, 255, dtype=np.uint8)
    u[998] = 0
    u[999] = 254
    big = np.full(n, 2**53, dtype=np.int64)
    big[500] = 2**53 + 1           # rounds to 2**53 as a float: not above it
    big[501] = 2**53 + 2
    wide = np.zeros(n, dtype=np.uint64)
    wide[300] = ~np.uint64(0)          # 2**64 - 1
    wide[n - 1] = np.uint64(1 << 62) * np.uint64(2)
    w32 = np.full(n, 4000000000, dtype=np.uint32)
    low = np.full(n, 0.5, dtype=np.float32)
    low[511] = np.float32(0.25)
    low[7] = np.float32(-1.0)
    low[100] = np.float32(0.1)
    return (above(f, np.float64(0.1)), above(h, 40000), above(h, -40000), above(h, 300), above(h, 300.5),
            above(u, 254.5), above(big, 2.0**53), above(wide, 1e18), above(w32, -1),
            running_max64(f), below_select(f, 0.0625), below_select(low, np.float64(0.3)))


def first_gt(a, t):
    for i in range(a.shape[0]):
        if a[i] > t:
            return i
    return -1


def first_ge(a, t):
    for i in range(a.shape[0]):
        if a[i] >= t:
            return i
    return -1


def first_lt(a, t):
    for i in range(a.shape[0]):
        if a[i] < t:
            return i
    return -1


def first_le(a, t):
    for i in range(a.shape[0]):
        if a[i] <= t:
            return i
    return -1


def first_eq(a, t):
    for i in range(a.shape[0]):
        if a[i] == t:
            return i
    return -1


def first_ne(a, t):
    for i in range(a.shape[0]):
        if a[i] != t:
            return i
    return -1


def first_t_lt(a, t):
    # t on the left: t < a[i]
    for i in range(a.shape[0]):
        if t < a[i]:
            return i
    return -1


def first_t_ge(a, t):
    for i in range(a.shape[0]):
        if t >= a[i]:
            return i
    return -1


def all_ops(a, t):
    return (first_gt(a, t), first_ge(a, t), first_lt(a, t), first_le(a, t), first_eq(a, t), first_ne(a, t),
            first_t_lt(a, t), first_t_ge(a, t))


# run: narrow_ranges(700)
# expect: [(-1, 300, 0, 0, 300, 0, -1, 0), (-1, -1, 0, 0, -1, 0, -1, 0), (0, 0, -1, 301, 301, 0, 0, 301), (0, 0, -1, -1, -1, 0, 0, -1), (300, 0, 301, 0, 0, 300, 300, 0), (0, 0, 301, 301, 699, 0, 0, 301), (-1, -1, 0, 0, -1, 0, -1, 0), (0, 0, -1, -1, -1, 0, 0, -1), (-1, 200, 0, 0, 200, 0, -1, 0), (-1, -1, 0, 0, -1, 0, -1, 0), (0, 0, -1, 698, 698, 0, 0, 698), (0, 0, -1, -1, -1, 0, 0, -1), (200, 0, 698, 0, 0, 200, 200, 0), (-1, 500, 0, 0, 500, 0, -1, 0), (-1, -1, 0, 0, -1, 0, -1, 0), (0, 0, -1, -1, -1, 0, 0, -1), (500, 0, -1, 0, 0, 500, 500, 0), (0, 0, -1, -1, -1, 0, 0, -1), (-1, 129, 0, 0, 129, 0, -1, 0), (-1, -1, 0, 0, -1, 0, -1, 0), (0, 0, -1, 128, 128, 0, 0, 128), (0, 0, -1, -1, -1, 0, 0, -1), (129, 0, 128, 0, 0, 128, 129, 0)]
def narrow_ranges(n):
    # narrow ints against a Python int: compared at their own width where t is in their range, and every lane the
    # same answer where it is past either end (the ends themselves, one past them, far past them)
    h = np.full(n, 7, dtype=np.int16)
    h[300] = 32767
    h[301] = -32768
    h[n - 1] = 5
    u = np.full(n, 3, dtype=np.uint8)
    u[200] = 255
    u[n - 2] = 0
    w = np.full(n, 9, dtype=np.uint32)
    w[500] = 4294967295
    b = np.full(n, -2, dtype=np.int8)
    b[128] = -128
    b[129] = 127
    out = []
    for t in (32767, 32768, -32768, -32769, 7, 5, 1 << 40, -(1 << 40)):
        out.append(all_ops(h, t))
    for t in (255, 256, 0, -1, 3):
        out.append(all_ops(u, t))
    for t in (4294967295, 4294967296, -1, 9, 0):
        out.append(all_ops(w, t))
    for t in (127, 128, -128, -129, -2):
        out.append(all_ops(b, t))
    return out
