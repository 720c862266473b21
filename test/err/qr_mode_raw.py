# qr(mode="raw") (Householder reflectors) is not supported
import numpy as np
def f(n):
    return np.linalg.qr(np.eye(n), mode="raw")
# run: f(2)
