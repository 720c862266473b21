# run: f()
import math
import numpy as np
K = np.int32(math.nan)
def f():
    return K
