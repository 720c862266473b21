# run: f(2)
import numpy as np
def f(n):
    return np.triu_indices_from(np.ones((n, n, n)))
