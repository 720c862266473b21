# run: f(2.5)
# after from numpy import *, polyval is numpy.polyval, which kiln does not support yet
from numpy import *

def f(x):
    return polyval((1.0, 2.0), x)
