# an empty list given an int on one path and a float on another
import numpy as np

def f(x):
    a = []
    if x > 0:
        a.append(1)
    else:
        a.append(0.5)
    return a
# run: f(1)
