# randint takes integers
import random
import numpy as np

def f(x):
    return random.randint(0, x)
# run: f(2.5)
