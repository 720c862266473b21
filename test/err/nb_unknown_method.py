# List's class methods kiln knows: empty_list
from numba import types
from numba.typed import List, Dict
import numba
def f(n):
    return List.new(types.int64)
# run: f(1)
