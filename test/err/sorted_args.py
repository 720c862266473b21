# sorted() takes one iterable
import numpy as np

def f(x):
    return sorted([1, 2], [3])
# run: f(0)
