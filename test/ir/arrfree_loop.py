# arrfree: the array each iteration makes and only reads (t) is let go (LIB.afree) at the end of the iteration,
# in the block that jumps back to the loop's header; the one carried to the next iteration (acc, a header
# parameter) is not.
# ir: f(3)
# after: arrfree
import numpy as np

def f(n):
    acc = np.zeros(2)
    for i in range(n):
        t = np.full(2, 1.0)
        acc = acc + t[0]
    return acc[1]
