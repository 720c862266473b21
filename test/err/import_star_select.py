# run: f([2.5])
# after from numpy import *, select is numpy.select, which kiln does not support yet
from numpy import *

def f(x):
    return select(x)
