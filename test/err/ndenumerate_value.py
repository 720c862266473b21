# np.ndenumerate() outside a for statement or comprehension
import numpy as np
def f(n):
    return list(np.ndenumerate(np.zeros(n)))
# run: f(2)
