# shuffle works in place on a variable
import numpy as np
def f(n):
    np.random.shuffle(np.arange(n))
# run: f(2)
