# augmented assignment to a slice of a list (a[i:j] += items)
import numpy as np

def f(x):
    a = [1, 2, 3]
    a[0:2] += [x, x]
    return a
# run: f(0)
