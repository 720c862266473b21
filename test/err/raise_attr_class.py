# only built-in exception classes and np.linalg.LinAlgError can be raised
import numpy as np
def f(n):
    raise np.random.Error("no")
# run: f(2)
