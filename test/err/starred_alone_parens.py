# (*a) is no tuple: CPython's SyntaxError
def f(n):
    t = (1, 2)
    return (*t)
# run: f(3)
