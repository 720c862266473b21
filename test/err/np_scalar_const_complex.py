# run: f()
import numpy as np
K = np.float64(1 + 2j)
def f():
    return K
