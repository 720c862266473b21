# lstsq without b
import numpy as np
def f(n):
    return np.linalg.lstsq(np.eye(n))
# run: f(2)
