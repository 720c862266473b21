# np.ndindex runs as a for statement's iterable only
import numpy as np

def f(n):
    it = np.ndindex(n, n)
    return 0
# run: f(2)
