# lists hold numbers, lists and tuples of them: not None
import numpy as np

def f(x):
    return [(x, None)]
# run: f(1)
