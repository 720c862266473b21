# np.squeeze without axis=: the rank of the result would be known only when it runs
import numpy as np
def f(n):
    return np.squeeze(np.ones((1, n)))
# run: f(3)
