# the spectral norm of a matrix needs an SVD
from numpy.linalg import norm

def f(m):
    return norm(m, 2)
# run: f([[1.0, 2.0], [3.0, 4.0]])
