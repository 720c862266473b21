# an array type's axes are ':' (the last may be '::1')
from numba import types
from numba.typed import List, Dict
import numba
def f(n):
    return Dict.empty(types.int64, types.float64[1:])
# run: f(1)
