# bin of a float: CPython's TypeError
def f(x):
    return bin(x)
# run: f(2.5)
