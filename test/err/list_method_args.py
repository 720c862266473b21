# list.append takes one argument
import numpy as np

def f(x):
    a = [1, 2]
    a.append(x, x)
    return a
# run: f(0)
