# Dict() makes an empty dict; Dict.empty(K, V) a typed one
from numba import types
from numba.typed import List, Dict
import numba
def f(n):
    return Dict({1: 2})
# run: f(1)
