# run: f(1)
def f(x):
    a, b = (1, 2, 3)
    return a
