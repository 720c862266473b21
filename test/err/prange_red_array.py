# run: f([1.0, 2.0, 3.0])
import numpy as np
def f(a):
    s = np.zeros(2)
    for i in prange(len(a)):
        s += a[i]
    return s
