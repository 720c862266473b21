# a module list's items must have one type
import numpy as np

W = [1, 0.5]

def f(x):
    return W[0] * x
# run: f(1)
