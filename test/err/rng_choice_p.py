# run: f(1)
# a weighted choice (p=) is not supported yet
import numpy as np

def f(seed):
    rng = np.random.default_rng(seed)
    return rng.choice(3, 2, p=np.array([0.2, 0.3, 0.5]))
