# run: f([1.0, 2.0, 3.0])
import numpy as np
def f(a):
    with np.errstate(everything="ignore"):
        a = a + 1.0
    return a
