# run: f()
import numpy as np
K = np.int8(300)
def f():
    return K
