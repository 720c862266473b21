# a module-level try around imports (the idiom for "use Numba when it is there"): the body's imports and
# constants count (kiln accepts every import, so the body does not fail); what the except clauses bind is dropped
try:
    from numba import njit
except ImportError:
    def njit(f):
        return f

try:
    import math
    import numpy as np
    HAVE_MATH = True
except ImportError:
    HAVE_MATH = False
else:
    SCALE = 2.0
finally:
    OFFSET = 1

@njit
# run: f(3)
# expect: (True, 7.0, 1.0)
def f(n):
    return HAVE_MATH, np.ones(n).sum() * SCALE + OFFSET, math.cos(0.0)
