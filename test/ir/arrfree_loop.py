# arrfree: the array each iteration makes and only reads (t) is let go (LIB.afree) at the end of the iteration,
# in the block that jumps back to the loop's header; the copy carried out of the loop (last, a header parameter)
# is not. (No whole-array expression here: their IR numbers depend on the C compiler's argument order.)
# ir: f(3)
# after: arrfree
import numpy as np

def f(n):
    last = np.zeros(2)
    for i in range(n):
        t = np.full(2, 1.0 * i)
        last = t.copy()
        last[0] += t[1]
    return last[0]
