# run: f(1)
def f(x)
    return x
