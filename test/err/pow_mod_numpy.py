# NumPy's integers have no three-argument power
import numpy as np
def f(x):
    return pow(np.int64(x), 2, 3)
# run: f(2)
