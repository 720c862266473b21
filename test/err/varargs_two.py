# one *args per def (CPython: SyntaxError)
def g(*a, *b):
    return 1
def f(n):
    return g(n)
# run: f(3)
