# insort into an array: CPython's AttributeError (an array has no insert); kiln says so when compiling
import bisect
import numpy as np
def f(n):
    a = np.arange(4)
    bisect.insort(a, n)
    return a
# run: f(3)
