# at least one condition
import numpy as np
def f(n):
    return np.select([], [])
# run: f(3)
