# np.broadcast_to to fewer dimensions: NumPy's message
import numpy as np
def f(n):
    return np.broadcast_to(np.ones((2, n)), (3,))
# run: f(3)
