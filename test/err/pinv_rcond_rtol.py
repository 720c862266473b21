# pinv with both rcond and rtol: NumPy's ValueError, at compile time
import numpy as np
def f(n):
    return np.linalg.pinv(np.eye(n), 0.1, rtol=0.2)
# run: f(2)
