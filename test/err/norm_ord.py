# a p-norm other than 0, 1, 2 and the infinities
import numpy as np

def f(x):
    return np.linalg.norm(x, 3)
# run: f([1.0, 2.0])
