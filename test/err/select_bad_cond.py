# np.select's conditions are boolean (NumPy's TypeError, when compiling here)
import numpy as np
def f(n):
    x = np.arange(n)
    return np.select([x], [x])
# run: f(3)
