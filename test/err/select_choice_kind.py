# a choice is a number or an array
import numpy as np
def f(n):
    x = np.arange(n)
    return np.select([x > 0], [(1, 2)])
# run: f(3)
