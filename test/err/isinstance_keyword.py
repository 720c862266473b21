# isinstance takes no keywords
def f(x):
    return isinstance(x, classinfo=int)
# run: f(1)
