# bce: the bounds check of a[i] in `for i in range(a.shape[0])` is provably safe: marked so
# (BOUND ... nocheck) and no check is emitted by any tier.
# ir: total([0.0, 1.0, 2.0, 3.0])
# after: bce
import numpy as np

def total(a):
    s = 0.0
    for i in range(a.shape[0]):
        s += a[i]
    return s
