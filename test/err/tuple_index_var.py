# run: f(1)
def f(i):
    t = (1, 2, 3)
    return t[i]
