# np.pad with a mode other than 'constant': not supported yet
import numpy as np
def f(n):
    return np.pad(np.arange(n), 1, mode="edge")
# run: f(3)
