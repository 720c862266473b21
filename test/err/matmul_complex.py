# run: f([1j, 2j])
import numpy as np
def f(a):
    return a @ a
