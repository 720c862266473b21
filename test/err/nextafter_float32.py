# np.nextafter of float32: a float32 step, which kiln does not compute yet (refused, not a double's step rounded)
import numpy as np
def f(n):
    return np.nextafter(np.ones(n, dtype=np.float32), np.float32(0.0))
# run: f(2)
