# slogdet of a vector: NumPy's LinAlgError text, at compile time
import numpy as np
def f(n):
    return np.linalg.slogdet(np.ones(n))
# run: f(2)
