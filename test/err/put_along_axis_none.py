# run: f(2)
import numpy as np
def f(n):
    a = np.ones(n)
    np.put_along_axis(a, np.arange(n), 0.0, axis=None)
    return a
