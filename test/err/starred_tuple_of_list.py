# (*x, ...) needs x's length when compiling: a tuple's, not a list's
def f(n):
    a = [1, 2]
    return (*a, n)
# run: f(3)
