# del of a variable
import numpy as np

def f(x):
    y = x
    del y
    return x
# run: f(0.5)
