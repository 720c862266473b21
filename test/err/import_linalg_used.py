# run: f(1.0)
# from numpy.linalg import is accepted; using the name in a kernel is the error (not supported yet)
import numpy as np
from numpy.linalg import norm

def f(x):
    return norm(np.ones(3)) * x
