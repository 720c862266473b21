# run: f(2)
import numpy as np
def f(n):
    return np.polyder(np.ones(n), -1)
