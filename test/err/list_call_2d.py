# list() of a 2-d array (its rows would be arrays)
import numpy as np

def f(x):
    return list(np.zeros((2, 2)))
# run: f(3)
