# extending a list of ints with floats: a kiln list holds items of one type
import numpy as np

def f(x):
    a = [1, 2, 3]
    a.extend([x, x])
    return a
# run: f(0.5)
