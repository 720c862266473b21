# bce: in a sliding window, a[j + k] with j in range(n - w + 1) and k in range(w) is at most
# (n - w) + (w - 1) = n - 1: the linear forms of the two bounds cancel against the length, so the
# check goes (nocheck); b[j + k], b of a length of its own, keeps its check and its wrapping of
# negatives (a wrap kept where the check stays: bce.c counter_sum_flags says why).
# ir: windows([1.0, 2.0, 3.0, 4.0, 5.0], [1.0, 1.0, 1.0, 1.0], 2)
# after: bce
import numpy as np

def windows(a, b, w):
    n = a.shape[0]
    s = 0.0
    for j in range(n - w + 1):
        for k in range(w):
            s += a[j + k] * b[j + k]
    return s
