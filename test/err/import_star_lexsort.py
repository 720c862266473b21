# run: f([2.5])
# after from numpy import *, lexsort is numpy.lexsort, which kiln does not support yet
from numpy import *

def f(x):
    return lexsort(x)
