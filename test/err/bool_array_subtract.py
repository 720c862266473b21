# run: f([True], [False])
def f(a, b):
    return a - b
