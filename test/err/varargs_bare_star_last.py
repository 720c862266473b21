# a bare * must be followed by a keyword-only parameter (CPython: SyntaxError)
def g(a, *):
    return a
def f(n):
    return g(n)
# run: f(3)
