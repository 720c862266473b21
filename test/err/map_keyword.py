# map takes no keyword arguments
def f(x):
    return list(map(abs, [x], strict=True))
# run: f(1)
