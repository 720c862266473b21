# a list of ints cannot take a float (it would print differently)
import numpy as np

def f(x):
    a = [1, 2]
    a.append(x)
    return a
# run: f(0.5)
