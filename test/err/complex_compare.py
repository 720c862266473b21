# run: f(1)
def f(x):
    return 1j < x
