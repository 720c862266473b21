# sorting a list of lists
import numpy as np

def f(x):
    a = [[2], [x]]
    a.sort()
    return a
# run: f(1)
