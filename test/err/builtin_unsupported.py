# run: f(1)
# a Python builtin kiln does not support says so (not "name 'isinstance' is not defined")
def f(x):
    return isinstance(x, int)
