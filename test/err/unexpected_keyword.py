# run: g(1)
def f(a, b=2):
    return a + b

def g(x):
    return f(x, c=3)
