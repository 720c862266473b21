# a list as a dict's key: unhashable, as in Python

def f(x):
    d = {}
    d[[x]] = 1
    return d
# run: f(1)
