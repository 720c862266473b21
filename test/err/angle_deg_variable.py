# np.angle's deg: True or False written in the call
import numpy as np
def f(n, d):
    return np.angle(np.ones(n), d)
# run: f(2, True)
