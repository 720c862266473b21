# a list default value: Python shares one list between calls, so kiln asks for it to be passed
import numpy as np

def f(x, acc=[]):
    acc.append(x)
    return acc
# run: f(1)
