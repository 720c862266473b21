# an unknown casting rule
import numpy as np

def f(x):
    a = np.zeros(3)
    np.copyto(a, x, casting='sometimes')
    return a
# run: f([1.5, 2.5, 3.5])
