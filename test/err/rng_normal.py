# Generator.normal: NumPy draws it with a ziggurat whose tables kiln does not reproduce bit for bit: refused

import numpy as np

def f(n):
    rng = np.random.default_rng(n)
    return rng.normal(0.0, 1.0)
# run: f(1)
