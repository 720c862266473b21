# Dict.empty needs both types
from numba import types
from numba.typed import List, Dict
import numba
def f(n):
    return Dict.empty(types.int64)
# run: f(1)
