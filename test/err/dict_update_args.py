# dict.update with two positional arguments (CPython's TypeError)
def f(n):
    d = {1: 2}
    d.update({3: 4}, {5: 6})
    return d
# run: f(3)
