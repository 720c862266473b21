# < between lists
import numpy as np

def f(x):
    return [1, x] < [2, 3]
# run: f(3)
