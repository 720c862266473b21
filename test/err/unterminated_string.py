# run: f(1)
def f(x):
    s = "abc
    return x
