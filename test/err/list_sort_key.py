# sort's key= is not supported
import numpy as np

def f(x):
    a = [2, x]
    return sorted(a, key=abs)
# run: f(1)
