# run: f([2.5])
# after from numpy import *, histogram is numpy.histogram, which kiln does not support yet
from numpy import *

def f(x):
    return histogram(x)
