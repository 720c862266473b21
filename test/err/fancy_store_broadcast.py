# storing a smaller array through an index array among slices (NumPy broadcasts it): not supported yet
import numpy as np
def f(n):
    a = np.zeros((n, 3))
    a[:, [0, 2]] = np.array([1.0, 2.0])
    return a
# run: f(2)
