# lists hold numbers and lists, not tuples
import numpy as np

def f(x):
    return [(x, 1), (2, 3)]
# run: f(1)
