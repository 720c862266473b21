# lstsq's rcond: a real number
import numpy as np
def f(n):
    return np.linalg.lstsq(np.eye(n), np.ones(n), rcond="warn")
# run: f(2)
