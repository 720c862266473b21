# divmod of a complex number: CPython's TypeError
def f(x):
    return divmod(x, 2)
# run: f(1j)
