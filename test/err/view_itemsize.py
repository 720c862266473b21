# a.view() as a dtype of another item size (NumPy reshapes the last axis): not yet
import numpy as np
def f(n):
    return np.zeros(n).view(np.float32).tolist()
# run: f(2)
