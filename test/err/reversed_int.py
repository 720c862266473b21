# run: f(1)
# reversed() of a number: CPython's TypeError, as a compile error
def f(n):
    return list(reversed(n))
