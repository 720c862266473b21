# an np.finfo attribute kiln does not give
import numpy as np
def f(n):
    return np.finfo(np.float64).machar
# run: f(2)
