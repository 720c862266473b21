# a numpy.random function kiln does not compile yet
import random
import numpy as np

def f(x):
    return np.random.poisson(x)
# run: f(1.0)
