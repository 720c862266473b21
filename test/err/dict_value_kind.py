# a dict of float values cannot take an int

def f(x):
    d = {1: 0.5}
    d[2] = x
    return d
# run: f(1)
