# the nuclear norm of a vector: NumPy's message
import numpy as np
def f(n):
    return np.linalg.norm(np.ones(n), "nuc")
# run: f(2)
