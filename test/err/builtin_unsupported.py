# run: f(1)
# a Python builtin kiln does not support says so (not "name 'frozenset' is not defined")
def f(x):
    return frozenset(x)
