# a list plus a number
import numpy as np

def f(x):
    return [1, 2] + x
# run: f(3)
