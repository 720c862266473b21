# run: f(1)
import numpy as np
M = np.array(((1, 2), (3, 4)))

def f(i):
    row = M[1]
    row[0] = i
    return 0
