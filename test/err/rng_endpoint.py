# Generator.integers' endpoint must be a literal True or False

import numpy as np

def f(n):
    rng = np.random.default_rng(n)
    return rng.integers(0, 5, endpoint=n > 0)
# run: f(1)
