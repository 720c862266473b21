# print(file=...) is not supported: kernels print to stdout
import numpy as np

def f(x):
    print(x, file=x)
    return x
# run: f(1.0)
