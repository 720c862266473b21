# list.insert's index is an integer
import numpy as np

def f(x):
    a = [1, 2]
    a.insert(x, 3)
    return a
# run: f(0.5)
