# run: f(1.0)
# from numpy.linalg import of a function kiln does not have: the import is accepted, the use is the error
import numpy as np
from numpy.linalg import eigvals

def f(x):
    return eigvals(np.ones((2, 2))) * x
