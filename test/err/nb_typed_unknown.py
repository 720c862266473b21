# numba.typed has List and Dict for kernels
from numba import types
from numba.typed import List, Dict
import numba
def f(n):
    return numba.typed.Set()
# run: f(1)
