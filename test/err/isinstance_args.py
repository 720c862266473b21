# isinstance takes two arguments
def f(x):
    return isinstance(x)
# run: f(1)
