# map needs a function and at least one iterable
def f(x):
    return list(map(abs))
# run: f(1)
