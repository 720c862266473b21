# np.lexsort of a 2-d key: not supported yet
import numpy as np
def f(n):
    return np.lexsort((np.ones((2, n)), np.ones((2, n))))
# run: f(3)
