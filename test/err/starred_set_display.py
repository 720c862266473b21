# a starred item in a set display is not supported (write set(...) | ...)
def f(n):
    a = [1, 2]
    return {*a, n}
# run: f(3)
