# a range object held in a variable is not supported yet (walking one, len() and `in` are)
import numpy as np
def f(n):
    r = range(n)
    return len(r)
# run: f(3)
