# solve with a 3-d b
import numpy as np
def f(n):
    return np.linalg.solve(np.eye(n), np.ones((n, n, 1)))
# run: f(2)
