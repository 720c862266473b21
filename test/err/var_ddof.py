# ddof must be an integer, for a 1-d array (var computed inline) as for any other
import numpy as np
def f(n):
    a = np.ones(n)
    return a.var(ddof=0.5)
# run: f(3)
