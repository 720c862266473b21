# default= with several positional arguments: CPython's TypeError
def f(n):
    return max(1, n, default=3)
# run: f(2)
