# np.cov with rowvar computed at run time: kiln needs it written in the call
import numpy as np
def f(n):
    return np.cov(np.ones((2, n)), rowvar=n > 2)
# run: f(3)
