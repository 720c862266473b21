# sort's reverse= must be written as True or False
import numpy as np

def f(x):
    a = [2, 1]
    a.sort(reverse=x > 0)
    return a
# run: f(1)
