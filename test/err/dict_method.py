# a dict method kiln does not support yet

def f(x):
    d = {1: x}
    d.fromkeys([1, 2])
    return d
# run: f(1)
