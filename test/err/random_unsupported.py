# a function of random kiln does not compile yet
import random
import numpy as np

def f(x):
    return random.triangular(0.0, 1.0, x)
# run: f(1)
