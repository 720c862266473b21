# print() of an array: NumPy's str() of arrays is not done yet
import numpy as np

def f(x):
    print(np.zeros(3) + x)
    return x
# run: f(1.0)
