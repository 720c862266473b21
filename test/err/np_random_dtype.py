# np.random.randint's dtype= is not supported yet
import random
import numpy as np

def f(x):
    return np.random.randint(0, x, dtype=np.int32)
# run: f(5)
