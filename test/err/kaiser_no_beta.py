# np.kaiser(M) without beta
import numpy as np

def f(n):
    return np.kaiser(n)
# run: f(3)
