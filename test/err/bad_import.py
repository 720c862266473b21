# run: f(1)
import os

def f(x):
    return x
