# run: f(2)
import numpy as np
def f(n):
    print(np.float32)
    return n
