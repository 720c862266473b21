# run: f([1.25, 2.5], 1)
import numpy as np
def f(a, k):
    return np.round(a, k)
