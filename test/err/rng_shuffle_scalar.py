# run: f(1)
# shuffle of a number
import numpy as np

def f(seed):
    rng = np.random.default_rng(seed)
    rng.shuffle(seed)
    return seed
