# np.copyto needs an array to copy into
import numpy as np

def f(x):
    np.copyto(x, 1.0)
    return x
# run: f(2.0)
