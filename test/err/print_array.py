# print() of a 0-d array inside a container: NumPy's repr() of it (array(2.5)) is not done yet (alone it prints its item)
import numpy as np

def f(x):
    print((np.array(x), 1))
    return x
# run: f(1.0)
