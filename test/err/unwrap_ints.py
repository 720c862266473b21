# run: f(2)
import numpy as np
def f(n):
    return np.unwrap(np.arange(n))
