# run: f([1.0, 2.0])
def f(a):
    return (a, 1) == (a, 1)
