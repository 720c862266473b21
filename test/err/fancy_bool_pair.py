# boolean masks index alone
import numpy as np
def f(n):
    a = np.ones((2, n))
    return a[np.array([True, False]), np.array([0, 1])]
# run: f(2)
