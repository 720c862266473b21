# run: f(2.0)
import cmath
import numpy as np
def f(x):
    return cmath.rect(1j, x)
