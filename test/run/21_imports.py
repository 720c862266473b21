# Section 1: imports. Any import is accepted, as CPython accepts it (random, time, itertools, sys,
# numpy.linalg ... that kernels do not use); `import a, b`; module aliases (`import math as m`);
# `from numpy import *` / `from math import *` bind exactly the names the module exports, so a
# NumPy name shadows the builtin of the same name (sum, max, min, abs, all, any) as in CPython,
# and a later import wins over an earlier one.
import random, itertools
import time
import functools as ft
import sys
import os.path
import numpy.linalg as la
from numpy.random import rand, seed
from collections import namedtuple
import math as m
import numpy
import numpy as np
from math import *
from numpy import *

# run: unused(3)
# expect: 6
def unused(n):
    return n * 2

# run: aliases(2.0)
# expect: (1.4142135623730951, 3.0)
def aliases(x):
    return (m.sqrt(x), numpy.zeros(3).sum() + numpy.float64(x) + 1.0)

# sqrt, pi, floor are NumPy's here (the star import of numpy comes after math's): sqrt(-1.0) is nan
# run: star_numpy(-1.0)
# expect: (nan, 3.141592653589793, -1.0)
def star_numpy(x):
    return (sqrt(x), pi, floor(x))

# sum, max, min, abs are numpy.sum, numpy.max ...: over an array, and NumPy scalars as results
# run: shadowed(np.array([1.5, -4.0, 2.0]))
# expect: (-0.5, 2.0, -4.0, 4.0)
def shadowed(a):
    return (sum(a), max(a), min(a), abs(a[1]))

# round is numpy.round here: half to even, and a NumPy float even for a Python float
# run: star_round(2.5)
# expect: (2.0, 2.5, 7)
def star_round(x):
    return (round(x), round(x * 1.01, 1), round(7))

# all/any are numpy.all/numpy.any
# run: truth(np.array([1.0, 0.0]))
# expect: (False, True)
def truth(a):
    return (all(a), any(a))

# names numpy does not export stay builtins: len, range, int, float
# run: builtins_left(np.array([0.0, 0.0, 0.0, 0.0]))
# expect: 10
def builtins_left(a):
    s = 0
    for i in range(len(a)):
        s += int(float(i))
    return s + len(a)

# bare NumPy functions and dtypes through the star import
# run: bare(3)
# expect: [0.0, 1.0, 2.0]
def bare(n):
    return arange(n, dtype=float64) + zeros(n)

# math's names that numpy does not export stay math's (gamma)
# run: math_left(5.0)
# expect: 24.0
def math_left(x):
    return gamma(x)
