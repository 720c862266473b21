# comparing lists of ints and floats
import numpy as np

def f(x):
    return [1, 2] == [x]
# run: f(0.5)
