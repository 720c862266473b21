# run: f(1)
# a star import of a module kiln does not compile: the undefined name's message says where it may come from
from collections import *

def f(x):
    return ChainMap(x)
