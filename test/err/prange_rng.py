# a Generator's draws inside a prange loop: its state carries from one iteration to the next

import numpy as np
from numba import prange

def f(n):
    rng = np.random.default_rng(n)
    a = np.zeros(n)
    for i in prange(n):
        a[i] = rng.random()
    return a
# run: f(4)
