# a function of random kiln does not compile yet
import random
import numpy as np

def f(x):
    return random.sample([1, 2, 3], x)
# run: f(1)
