# ddof must be an integer, for a 2-d array (the runtime's var)
import numpy as np
def f(n):
    a = np.ones((n, n))
    return np.std(a, ddof=0.5)
# run: f(3)
