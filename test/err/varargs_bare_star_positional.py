# past a bare *, no positional argument
def g(a, *, b):
    return a + b
def f(n):
    return g(n, 2)
# run: f(3)
