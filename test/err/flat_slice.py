# a.flat is indexed by one integer: a slice of it is refused
import numpy as np
def f(n):
    a = np.arange(6.0)
    return a.flat[1:n].tolist()
# run: f(3)
