# list.extend of a number
import numpy as np

def f(x):
    a = [1, 2]
    a.extend(x)
    return a
# run: f(3)
