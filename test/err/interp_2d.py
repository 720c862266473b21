# xp and fp are 1-d
import numpy as np
def f(x):
    return np.interp(x, np.ones((2, 2)), np.ones((2, 2)))
# run: f(1.0)
