# np.linalg.cond with p=1 needs an inverse: not supported yet
import numpy as np
def f(n):
    return np.linalg.cond(np.eye(n), 1)
# run: f(2)
