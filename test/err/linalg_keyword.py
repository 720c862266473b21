# solve takes a and b
import numpy as np
def f(n):
    return np.linalg.solve(np.eye(n), c=np.ones(n))
# run: f(2)
