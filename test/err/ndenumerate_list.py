# np.ndenumerate() of a list: kiln takes an array
import numpy as np
def f(n):
    s = 0
    for i, v in np.ndenumerate([1, 2, n]):
        s += v
    return s
# run: f(2)
