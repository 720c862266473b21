# List() takes an iterable, by position
from numba import types
from numba.typed import List, Dict
import numba
def f(n):
    return List(items=[1, 2])
# run: f(1)
