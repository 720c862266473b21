# run: g(1)
def f(a):
    return a

def g(x):
    return f(x, x)
