# run: f(3)
# a dtype inside a returned tuple (it came back as None)
import numpy as np

def f(n):
    x = np.zeros(n, dtype=np.float32)
    return (x, (x.dtype, 1))
