# a three-argument pow takes ints only (CPython's TypeError)
def f(x):
    return pow(x, 2, 3)
# run: f(2.0)
