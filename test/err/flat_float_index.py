# a.flat[1.0]: only integers index it (NumPy 2.4 deprecates other indices)
import numpy as np
def f(n):
    return np.arange(4.0).flat[n / 2]
# run: f(2)
