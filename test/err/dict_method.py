# a dict method kiln does not support yet

def f(x):
    d = {1: x}
    d.popitem()
    return d
# run: f(1)
