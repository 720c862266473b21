# assigning to an extended slice (with a step) of a list
import numpy as np

def f(x):
    a = [1, 2, 3]
    a[::2] = [x, x]
    return a
# run: f(0)
