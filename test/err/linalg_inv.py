# numpy.linalg offers norm only so far
import numpy as np

def f(m):
    return np.linalg.inv(m)
# run: f([[1.0, 2.0], [3.0, 4.0]])
