# run: f(1)
import numpy as np

def f(i, w=np.array((1.0, 2.0))):
    return i
