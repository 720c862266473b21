# run: f(1)
def f(x):
    return x + 99999999999999999999
