# arrfree: the array each iteration makes and only reads (t) is let go (LIB.afree) at the end of the iteration,
# in the block that jumps back to the loop's header; the copy carried to the next iteration (last, a header
# parameter) is let go there when the next one replaces it (LIB.afree %28, %5: never the array the loop was
# entered with, %5), and the last one is returned from. (No whole-array expression here: their IR numbers depend
# on the C compiler's argument order.)
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
