# a typed container's types are Numba's type names
from numba import types
from numba.typed import List, Dict
import numba
def f(n):
    return Dict.empty(key_type=types.int64, value_type=int)
# run: f(1)
