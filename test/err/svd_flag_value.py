# full_matrices and compute_uv decide what svd returns: True or False written in the call
import numpy as np
def f(n, full):
    return np.linalg.svd(np.eye(n), full_matrices=full)
# run: f(2, True)
