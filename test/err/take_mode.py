# np.take(mode=) other than raise
import numpy as np
def f(n):
    return np.take(np.arange(4.0), [n], mode="clip").tolist()
# run: f(9)
