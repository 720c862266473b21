# run: f(1)
def f(x):
    y = z + 1
    z = 2
    return y
