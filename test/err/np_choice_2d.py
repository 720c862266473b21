# choice from a 2-d array: NumPy's ValueError, at compile time
import numpy as np
def f(n):
    return np.random.choice(np.ones((n, n)))
# run: f(2)
