# filter takes a function and one iterable
def f(x):
    return list(filter(None, [x], [x]))
# run: f(1)
