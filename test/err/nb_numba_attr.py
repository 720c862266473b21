# numba's names kernels may use
from numba import types
from numba.typed import List, Dict
import numba
def f(n):
    return numba.njit(n)
# run: f(1)
