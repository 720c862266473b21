# print() of a complex array: NumPy's str() of complex arrays is not done yet (real ones print)
import numpy as np

def f(x):
    print(np.zeros(3) + x * 1j)
    return x
# run: f(1.0)
