# run: f([2.5])
# after from numpy import *, corrcoef is numpy.corrcoef, which kiln does not support yet
from numpy import *

def f(x):
    return corrcoef(x)
