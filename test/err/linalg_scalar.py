# inv of a number
import numpy as np
def f(x):
    return np.linalg.inv(x)
# run: f(2.0)
