# Sum of an array of float64 in a loop.
def total(x):
    s = 0.0
    for i in range(x.shape[0]):
        s += x[i]
    return s
