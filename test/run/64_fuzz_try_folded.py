# A try statement right after a prange loop: the try's first raising instruction (np.int32(2147483000)'s range check)
# was proven and removed, which left the prange call the last instruction of the try block, so tier 2 sent the
# call's exceptions to the handler with a value it had not computed (an invalid module, a crash). Try blocks whose
# protected instruction is gone now become plain jumps (ir_try_settle). Found by test/fuzz/gen.py --seed 4242.
import math
import numpy as np

def f0_(n, x, arr, mat, i2):
    i1 = 3
    f1 = 1.5
    for p1 in prange(n):
        t1 = p1
        i2 -= t1
    try:
        if np.int32(2147483000):
            i2 += i1
        else:
            pass
        raise ZeroDivisionError('z')
    except (IndexError, ZeroDivisionError):
        for k3 in range(2):
            for m3 in range(0, mat.shape[1]):
                f1 += mat[k3, m3 + 1]
        arr[i2] = x

def entry(n, x):
    arr = np.zeros(8)
    mat = np.zeros((3, 4))
    r = f0_(n, x, arr, mat, 1)

# run: entry(1, 0.5)
# expect-error: line 23: IndexError: index 4 is out of bounds for axis 1 with size 4
