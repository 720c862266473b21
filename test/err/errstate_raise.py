# run: f([1.0, 2.0, 3.0])
import numpy as np
def f(a):
    with np.errstate(divide="raise"):
        a = a / 0.0
    return a
