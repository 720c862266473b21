# run: f(1.0)
def f(x):
    t = (x, x, x)
    return t[1:]
