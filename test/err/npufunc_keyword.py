# run: f(2.0)
import numpy as np
import math
def f(x):
    return np.logaddexp(x, 1.0, out=None)
