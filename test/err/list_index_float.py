# list indices are integers
import numpy as np

def f(x):
    a = [1, 2]
    return a[x]
# run: f(0.5)
