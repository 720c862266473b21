# an unknown qr mode: NumPy's message
import numpy as np
def f(n):
    return np.linalg.qr(np.eye(n), mode="thin")
# run: f(2)
