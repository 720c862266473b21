# a prange loop appending to a list of lists at an index other than the loop variable: two iterations may grow one
# list at once
from numba import prange
def f(n):
    rows = [[] for _ in range(3)]
    for i in prange(n):
        rows[i % 3].append(i)
    return rows
# run: f(3)
