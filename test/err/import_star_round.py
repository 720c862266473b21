# run: f(2.5)
# after from numpy import *, round is numpy.round (as in CPython), which kiln does not support yet
from numpy import *

def f(x):
    return round(x)
