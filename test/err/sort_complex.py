# run: f([1j, 2j])
import numpy as np
def f(a):
    return np.sort(a)
