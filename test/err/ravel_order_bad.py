# run: f([[1.0, 2.0], [3.0, 4.0]])
import numpy as np
def f(a):
    return a.ravel("X")
