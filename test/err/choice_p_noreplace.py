# np.random.choice with p= and replace=False is not supported yet
import numpy as np
def f(n):
    return np.random.choice(n, 2, replace=False, p=[0.5, 0.5])
# run: f(2)
