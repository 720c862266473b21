# `in` over a list of arrays: CPython compares with ==, which for arrays is NumPy's elementwise ==
import numpy as np

def f(x):
    a = np.ones(3) * x
    arrs = [a, a + 1.0]
    return a in arrs
# run: f(1.0)
