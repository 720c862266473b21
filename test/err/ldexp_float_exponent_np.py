# run: f(2)
import numpy as np
def f(n):
    return np.ldexp(np.ones(n), 2.0)
