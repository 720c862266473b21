# run: f()
import numpy as np
K = np.float32(1.0, 2.0)
def f():
    return K
