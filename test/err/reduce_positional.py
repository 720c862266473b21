# run: f([1.0, 2.0])
# NumPy's positional parameters: more than np.argmax takes is NumPy's TypeError
import numpy as np
def f(a):
    return np.argmax(a, 0, None, True)
