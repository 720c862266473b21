# run: f([1, 2], [3, 4])
def f(a, b):
    return a << b
