# Found by make test's 2000 random kernels (gen.py --seed 1, programs 1936 and 208): a handler computing again
# what raised in the try body; cse reused the body's value on the raised edge (tier 2 crashed; the other tiers read
# a value never computed). Minimized; only the names changed.
import math
import numpy as np

def a_f0_(n, x, arr, mat, i2):
    i0 = n
    arr[i0] = 0.0
    f0 = math.floor(1.5)
    i1 = 5 // i0
    arr[i1] = f0 // 2.5
    for k3 in range(0, 8):
        f0 += float(arr[k3]) * 0.5
    f1 = 2.5 / (2.5 - f0)
    try:
        if i0 // i1:
            pass
    except OverflowError:
        if i0 // i1:
            return (i0, 1e+300)

def entry_a(n, x):
    arr = np.zeros(8)
    for i in range(8):
        arr[i] = i * 0.5 - 1.0
    mat = (3, 4)
    r = a_f0_(n, x, arr, mat, 1)

# run: entry_a(-1, 0.0)
# expect-error: line 15: ZeroDivisionError: float division by zero
