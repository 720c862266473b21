# too many arguments to a lambda

def f(x):
    g = lambda a: a + 1
    return g(x, x)
# run: f(4)
