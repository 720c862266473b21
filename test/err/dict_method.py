# a dict method kiln does not support yet

def f(x):
    d = {1: x}
    d.update({2: x})
    return d
# run: f(1)
