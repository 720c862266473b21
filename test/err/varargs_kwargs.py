# **kwargs parameters are not supported
def g(a, **kw):
    return a
def f(n):
    return g(n)
# run: f(3)
