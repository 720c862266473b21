# np.dtype() of a name NumPy knows but kiln has no type for (float16)
import numpy as np
def f(n):
    return np.zeros(n, dtype=np.dtype('float16')).tolist()
# run: f(2)
