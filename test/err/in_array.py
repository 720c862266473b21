# run: f([1.0, 2.0], 2.0)
def f(a, x):
    return (x, 1) in a
