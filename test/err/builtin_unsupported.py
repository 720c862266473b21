# run: f(1)
# a Python builtin kiln does not support says so (not "name 'map' is not defined")
def f(x):
    return len(map(x))
