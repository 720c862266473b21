# random.choice of a dict (CPython indexes it by key: d[randbelow(len(d))], rarely what is meant)
import random
import numpy as np

def f(x):
    return random.choice({1: x, 2: x})
# run: f(1)
