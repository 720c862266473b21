# run: f(1)
import numpy as np

def f(x):
    if x > 0:
        y = 1.5
    else:
        y = np.zeros(3)
    return y
