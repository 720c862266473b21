# a dtype attribute kiln does not model
import numpy as np
def f(n):
    a = np.zeros(n)
    return a.dtype.char
# run: f(3)
