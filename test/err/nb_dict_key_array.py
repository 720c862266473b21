# a dict's keys are numbers, strings or tuples of them
from numba import types
from numba.typed import List, Dict
import numba
def f(n):
    return Dict.empty(types.float64[:], types.int64)
# run: f(1)
