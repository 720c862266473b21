# print() of a float32: NumPy's str() of it has rules of its own
import numpy as np

def f(x):
    print(np.float32(x))
    return x
# run: f(1.0)
