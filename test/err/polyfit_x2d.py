# np.polyfit with a 2-d x (NumPy's TypeError, known when compiling)
import numpy as np
def f(n):
    return np.polyfit(np.ones((2, n)), np.arange(2.0), 1)
# run: f(3)
