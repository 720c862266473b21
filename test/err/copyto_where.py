# np.copyto's mask must be bools (NumPy casts it with casting='safe')
import numpy as np

def f(x):
    a = np.zeros(3)
    np.copyto(a, x, where=x)
    return a
# run: f([1.5, 2.5, 3.5])
