# a sort key must give numbers (tuples as keys are not supported yet)
import numpy as np

def f(x):
    a = [2, x]
    return sorted(a, key=lambda v: (v, -v))
# run: f(1)
