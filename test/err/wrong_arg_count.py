# run: g(1)
def f(a, b):
    return a + b

def g(x):
    return f(x)
