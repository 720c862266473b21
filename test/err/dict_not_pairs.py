# dict of items that are not pairs
def f(x):
    return dict([(1, 2, x)])
# run: f(1)
