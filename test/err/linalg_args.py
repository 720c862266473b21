# solve takes two arguments
import numpy as np
def f(n):
    return np.linalg.solve(np.eye(n))
# run: f(2)
