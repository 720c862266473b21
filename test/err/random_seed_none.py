# random.seed() without a seed
import random
import numpy as np

def f(x):
    random.seed()
    return random.random() * x
# run: f(1)
