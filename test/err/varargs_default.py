# *args takes no default (CPython: SyntaxError)
def g(a, *rest=()):
    return a
def f(n):
    return g(n)
# run: f(3)
