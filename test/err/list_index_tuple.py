# a list takes one index
import numpy as np

def f(x):
    a = [1, 2]
    return a[x, 0]
# run: f(0)
