# run: f(1.0)
# from numpy.linalg import of a function kiln does not have: the import is accepted, the use is the error
import numpy as np
from numpy.linalg import tensorinv

def f(x):
    return tensorinv(np.ones((2, 2))) * x
