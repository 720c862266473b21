# a matrix norm of an order NumPy does not define: its message
from numpy.linalg import norm

def f(m):
    return norm(m, 3)
# run: f([[1.0, 2.0], [3.0, 4.0]])
