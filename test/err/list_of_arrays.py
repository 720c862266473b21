# a list cannot hold arrays (np.array([...]) of arrays is the way to a 2-d array)
import numpy as np

def f(x):
    a = np.zeros(3)
    return [a, a]
# run: f(1)
