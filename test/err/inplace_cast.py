# run: f([1, 2, 3])
def f(a):
    a /= 2
    return a
