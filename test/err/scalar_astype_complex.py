# run: f(2.0)
import numpy as np
import math
def f(x):
    return np.complex128(x).astype(np.float64)
