# np.interp with period= is not supported yet
import numpy as np
def f(x):
    return np.interp(x, np.arange(3.0), np.arange(3.0), period=2.0)
# run: f(1.0)
