# the lists are written in the call (kiln needs their lengths)
import numpy as np
def f(n):
    x = np.arange(n)
    conds = [x > 0]
    return np.select(conds, [x])
# run: f(3)
