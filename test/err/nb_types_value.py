# a container type is read where a container takes it, not as a value
from numba import types
from numba.typed import List, Dict
import numba
def f(n):
    t = types.unicode_type
    return t
# run: f(1)
