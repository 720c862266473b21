# The IR as lowering builds it: SSA with block parameters for the loop-carried s and i.
# ir: sumsq([0.0, 1.0, 2.0, 3.0])
# after: built
import numpy as np

def sumsq(a):
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i] * a[i]
    return s
