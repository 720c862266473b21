# += on a list takes a list
import numpy as np

def f(x):
    a = [1]
    a += x
    return a
# run: f(3)
