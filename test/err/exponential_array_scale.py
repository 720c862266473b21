# a distribution's parameters are numbers here (NumPy also takes arrays of them)
import numpy as np
def f(n):
    return np.random.exponential(np.ones(n))
# run: f(2)
