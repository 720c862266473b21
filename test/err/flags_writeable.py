# a.flags.writeable (and the other flags but contiguity) are not supported
import numpy as np
def f(n):
    return np.zeros(n).flags.writeable
# run: f(2)
