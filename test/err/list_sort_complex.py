# run: f(1)
# sorting tuples holding complex numbers: CPython's TypeError
def f(x):
    a = [(1j, x), (2j, x)]
    return sorted(a)
