# run: f(1)
def f(x):
    t = (1, 2)
    return t * 2.5
