# a typed list stores as a kiln list does: an int is no float (Numba would convert it)
from numba import types
from numba.typed import List, Dict
import numba
def f(n):
    l = List.empty_list(types.float64)
    l.append(n)
    return l
# run: f(1)
