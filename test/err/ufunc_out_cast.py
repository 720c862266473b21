# run: f([1.0, 2.0, 3.0])
import numpy as np
def f(a):
    np.add(a, 1.0, out=np.zeros(3, dtype=np.int64))
    return a
