# types.UniTuple's count is written as a number
from numba import types
from numba.typed import List, Dict
import numba
def f(n):
    return Dict.empty(types.UniTuple(types.int64, n), types.int64)
# run: f(1)
