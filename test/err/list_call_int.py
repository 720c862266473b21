# list() of a number
import numpy as np

def f(x):
    return list(x)
# run: f(3)
