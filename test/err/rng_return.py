# a Generator cannot be returned to the caller (it lives in the call)

import numpy as np

def f(n):
    return np.random.default_rng(n)
# run: f(1)
