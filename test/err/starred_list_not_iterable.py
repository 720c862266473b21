# [*x] of a number: CPython's TypeError, when compiling here
def f(n):
    return [*n, 1]
# run: f(3)
