# run: f([1.0, 2.0, 3.0])
import numpy as np
def f(a):
    np.add.at(np.zeros(3, dtype=np.int64), [0], 1.5)
    return a
