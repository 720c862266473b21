# a.flat kept in a variable (a flatiter object) is refused: it is a loop's iterable or indexed in place
import numpy as np
def f(n):
    it = np.zeros((n, 2)).flat
    return it[0]
# run: f(2)
