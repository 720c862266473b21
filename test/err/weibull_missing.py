# np.random.weibull needs a
import numpy as np
def f(n):
    return np.random.weibull(size=n)
# run: f(2)
