# Bounds checks of an index that is a sum of loop counters (opt/bce.c counter_sum_flags): a sliding window's
# a[j + k] (j below n - w + 1, k below w) and a convolution's img[i + a, j + b] need none; a loop that runs one
# step too far keeps its checks and raises CPython's IndexError at the same element; offsets below zero with
# starts that cover them, a counter twice (a[i + i]), three counters, and a bound written the other way round.
import numpy as np


# run: moving_sum(np.arange(10, dtype=np.float64), 3)
# expect: [3.0, 6.0, 9.0, 12.0, 15.0, 18.0, 21.0, 24.0]
def moving_sum(a, w):
    n = a.shape[0]
    out = np.zeros(n - w + 1)
    for j in range(n - w + 1):
        s = 0.0
        for k in range(w):
            s += a[j + k]
        out[j] = s
    return out


# run: too_far(np.arange(10, dtype=np.float64), 3)
# expect-error: line 28: IndexError: index 10 is out of bounds for axis 0 with size 10
def too_far(a, w):
    n = a.shape[0]
    s = 0.0
    for j in range(n - w + 2):
        for k in range(w):
            s += a[j + k]
    return s


# run: conv(np.ones((7, 6)), [[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
# expect: (525.0, 21.0)
def conv(img, ker):
    h, w = img.shape
    kh, kw = ker.shape
    out = np.zeros((h - kh + 1, w - kw + 1))
    for i in range(h - kh + 1):
        for j in range(w - kw + 1):
            s = 0.0
            for a in range(kh):
                for b in range(kw):
                    s += img[i + a, j + b] * ker[a, b]
            out[i, j] = s
    return out.sum(), out[-1, -1]


# run: conv_too_far(np.ones((7, 6)), [[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
# expect-error: line 58: IndexError: index 6 is out of bounds for axis 1 with size 6
def conv_too_far(img, ker):
    h, w = img.shape
    kh, kw = ker.shape
    s = 0.0
    for i in range(h - kh + 1):
        for j in range(w - kw + 2):
            for a in range(kh):
                for b in range(kw):
                    s += img[i + a, j + b] * ker[a, b]
    return s


# run: offsets(np.arange(9, dtype=np.float64))
# expect: (98.0, 24.0)
def offsets(a):
    n = a.shape[0]
    s = 0.0
    for i in range(1, n - 1):
        for k in range(2):
            s += a[i + k - 1] + a[i - 1 + k]
    t = 0.0
    for i in range(n // 2):
        t += a[i + i] + a[2 * i]
    return s, t


# run: offsets_wrap(np.arange(6, dtype=np.float64))
# expect: 21.0
def offsets_wrap(a):
    n = a.shape[0]
    s = 0.0
    for i in range(0, n - 1):
        for k in range(2):
            s += a[i + k - 1]
    return s


# run: three(np.arange(9, dtype=np.float64), 4, 3)
# expect: 540.0
def three(a, p, q):
    n = a.shape[0]
    s = 0.0
    for i in range(p):
        for j in range(q):
            for k in range(n - p - q + 2):
                s += a[i + j + k] * (i + 1)
    return s


# run: three_too_far(np.arange(9, dtype=np.float64), 4, 3)
# expect-error: line 107: IndexError: index 9 is out of bounds for axis 0 with size 9
def three_too_far(a, p, q):
    n = a.shape[0]
    s = 0.0
    for i in range(p):
        for j in range(q):
            for k in range(n - p - q + 3):
                s += a[i + j + k]
    return s


# run: reversed_bound(np.arange(8, dtype=np.float64), 3)
# expect: 63.0
def reversed_bound(a, w):
    n = a.shape[0]
    s = 0.0
    for j in range(1 - w + n):
        for k in range(w):
            s += a[k + j]
    return s
