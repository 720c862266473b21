# complex fp is not supported
import numpy as np
def f(x):
    return np.interp(x, np.arange(2.0), np.arange(2.0) * 1j)
# run: f(1.0)
