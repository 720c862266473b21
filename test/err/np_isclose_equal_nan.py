# run: f(1)
# equal_nan decided at run time
import numpy as np

def f(n):
    return np.isclose(np.ones(2), np.ones(2), equal_nan=n > 0)
