# a.tolist() takes no arguments
import numpy as np
def f(n):
    return np.arange(n).tolist(1)
# run: f(3)
