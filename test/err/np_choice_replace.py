# replace decides the algorithm: written there
import numpy as np
def f(n):
    r = n > 1
    return np.random.choice(n, 2, replace=r)
# run: f(2)
