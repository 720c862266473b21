# a Generator method kiln does not know

import numpy as np

def f(n):
    rng = np.random.default_rng(n)
    return rng.frobnicate()
# run: f(1)
