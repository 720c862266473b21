# run: f([True, False], [True, True])
def f(a, b):
    return a ** b
