# a list times a float
import numpy as np

def f(x):
    return [1, 2] * x
# run: f(0.5)
