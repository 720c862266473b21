# list.index of a float among ints
import numpy as np

def f(x):
    a = [1, 2]
    return a.index(x)
# run: f(1.0)
