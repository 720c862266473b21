# a flags object kept in a variable
import numpy as np
def f(n):
    fl = np.zeros(n).flags
    return fl.c_contiguous
# run: f(2)
