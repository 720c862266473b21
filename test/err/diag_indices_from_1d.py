# run: f(2)
import numpy as np
def f(n):
    return np.diag_indices_from(np.ones(n))
