# np.polyfit(full=True): not supported yet
import numpy as np
def f(n):
    return np.polyfit(np.arange(3.0), np.arange(3.0), 1, full=True)
# run: f(3)
