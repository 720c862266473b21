# sep= must be a string literal
import numpy as np

def f(x):
    print(x, x, sep=x)
    return x
# run: f(1.0)
