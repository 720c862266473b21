# run: f(1)
# an unknown conversion: the ValueError CPython raises, with its index
def f(x):
    return "value: %y" % x
