# a keyword-only parameter left out
def g(a, *rest, b):
    return a + b
def f(n):
    return g(n, 2)
# run: f(3)
