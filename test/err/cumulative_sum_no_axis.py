# run: f(2)
import numpy as np
def f(n):
    return np.cumulative_sum(np.ones((n, n)))
