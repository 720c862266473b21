# f(**d): keyword argument unpacking is not supported
def g(a, b):
    return a + b
def f(n):
    d = {"a": 1, "b": n}
    return g(**d)
# run: f(3)
