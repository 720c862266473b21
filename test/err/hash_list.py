# a list is unhashable (CPython's TypeError, when compiling here)
def f(n):
    return hash([n])
# run: f(3)
