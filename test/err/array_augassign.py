# run: f([1.0, 2.0])
def f(a):
    a += 1.0
    return a
