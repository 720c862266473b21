# Quicksort of n float64 (Hoare partition, recursive), on numbers from a
# fixed-seed generator; the answer checks the order and a weighted sum.
# suite: sort_check 1000000 = (1, 1501526.532693705)
import numpy as np

def fill(a, seed):
    s = seed
    for i in range(a.shape[0]):
        s = (s * 1103515245 + 12345) % 2147483648
        a[i] = s / 2147483648.0
    return s

def quicksort(a, lo, hi):
    while lo < hi:
        p = a[(lo + hi) // 2]
        i = lo
        j = hi
        while i <= j:
            while a[i] < p:
                i += 1
            while a[j] > p:
                j -= 1
            if i <= j:
                a[i], a[j] = a[j], a[i]
                i += 1
                j -= 1
        # recurse into the smaller part, loop on the larger: depth stays log n
        if j - lo < hi - i:
            quicksort(a, lo, j)
            lo = i
        else:
            quicksort(a, i, hi)
            hi = j

def sort_check(n):
    a = np.empty(n)
    fill(a, 42)
    quicksort(a, 0, n - 1)
    ok = 1
    for i in range(1, n):
        if a[i - 1] > a[i]:
            ok = 0
    s = 0.0
    for i in range(n):
        s += a[i] * (i % 7)
    return ok, s
