# int(x, base) of a number: CPython's TypeError, found when compiling
def f(n):
    return int(n, 16)
# run: f(255)
