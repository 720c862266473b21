# Found by make test's 2000 random kernels (gen.py --seed 1, program 78): a return leaving a finally clause with a
# try statement of its own; lowering that clause's copy overwrote the try-statement entries it sat inside of (invalid
# IR, a crash in tier 2). Minimized; only the names changed.
import math
import numpy as np

def b_f1_(n, x, arr, mat, i2):
    i0 = n
    i1 = 3
    f0 = x
    f1 = 1.5
    try:
        if n:
            return (i0, f1)
        f0 = i0 % 1009
    finally:
        try:
            if f0:
                return (i0, arr[i0])
            i2 = i1
            raise IndexError
        except ZeroDivisionError:
            i2 += i1 % i2

def b_f0_(n, x, arr, mat, i2):
    i1 = 3
    f0 = b_f1_(i1, 3.75, arr, mat, 2)[1]

def entry_b(n, x):
    arr = np.zeros(8)
    mat = (3, 4)
    r = b_f0_(n, x, arr, mat, 1)

# run: entry_b(0, 3.0)
# expect: None
