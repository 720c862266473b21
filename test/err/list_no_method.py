# a method lists do not have
import numpy as np

def f(x):
    a = [1, 2]
    a.add(x)
    return a
# run: f(3)
