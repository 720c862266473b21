# permutation of a float
import numpy as np
def f(x):
    return np.random.permutation(x)
# run: f(2.5)
