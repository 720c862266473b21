# f(*l) of a list: the number of arguments would be known only when it runs
def g(a, b):
    return a + b
def f(n):
    l = [1, n]
    return g(*l)
# run: f(3)
