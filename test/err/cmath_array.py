# run: f([1.0, 2.0])
import cmath
import numpy as np
def f(x):
    return cmath.exp(x)
