# run: f(1)
def f(x):
    g = lambda y: y + 1
    return g(x)
