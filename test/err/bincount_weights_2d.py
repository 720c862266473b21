# run: f(2.0)
import numpy as np
import math
def f(x):
    return np.bincount(np.arange(3), weights=np.ones((3, 1)))
